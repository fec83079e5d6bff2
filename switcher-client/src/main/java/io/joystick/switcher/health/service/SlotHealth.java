package io.joystick.switcher.health.service;

import java.time.Instant;

/** What the checks of one slot have shown so far. Guarded by the owning {@link DeviceHealth}'s lock. */
public final class SlotHealth {

    public enum Status {
        UNKNOWN, HEALTHY, UNHEALTHY
    }

    private Status status = Status.UNKNOWN;
    private int consecutiveFailures;
    private Instant lastCheck;
    private Instant healthySince;
    private String lastError;

    void record(SlotCheckResult result, Instant now) {
        lastCheck = now;
        switch (result.outcome()) {
            case HEALTHY -> {
                if (status != Status.HEALTHY) {
                    healthySince = now;
                }
                status = Status.HEALTHY;
                consecutiveFailures = 0;
                lastError = null;
            }
            case UNHEALTHY -> {
                status = Status.UNHEALTHY;
                consecutiveFailures++;
                healthySince = null;
                lastError = result.detail();
            }
            case INCONCLUSIVE -> lastError = result.detail();
        }
    }

    public Status status() {
        return status;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public Instant lastCheck() {
        return lastCheck;
    }

    public Instant healthySince() {
        return healthySince;
    }

    public String lastError() {
        return lastError;
    }
}
