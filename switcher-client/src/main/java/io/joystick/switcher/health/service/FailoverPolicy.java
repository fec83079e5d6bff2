package io.joystick.switcher.health.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.joystick.device.client.Device;

/**
 * The failover rules, free of I/O and of the scheduler so each can be tested with a fake probe and clock:
 * <ul>
 * <li>check the active slot; a slot that failed {@code threshold} checks in a row is left for the other
 * slot only if a check of the other slot says it is healthy;</li>
 * <li>no automatic switch within {@code holdTime} of the previous one (a link that comes and goes does
 * not make the stream flap);</li>
 * <li>with failback on, a device on its secondary slot returns to the primary once the primary has been
 * healthy for {@code failbackAfter};</li>
 * <li>an inconclusive check (device-service down, …) counts neither way.</li>
 * </ul>
 */
public final class FailoverPolicy {

    public record Settings(int threshold, Duration holdTime, boolean failback, Duration failbackAfter) {

        public Settings {
            if (threshold < 1) {
                throw new IllegalArgumentException("failure threshold must be at least 1");
            }
        }
    }

    private final Settings settings;
    private final Clock clock;

    public FailoverPolicy(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Checks {@code health}'s device through {@code probe}, records the results and the decision, and decides. */
    public Decision evaluate(DeviceHealth health, SlotProbe probe) {
        Decision decision = decide(health, probe);
        health.decided(decision, now());
        return decision;
    }

    private Decision decide(DeviceHealth health, SlotProbe probe) {
        String active = health.activeSlot();
        String other = Device.other(active);
        SlotCheckResult activeResult = probe.check(active);
        health.record(active, activeResult, now());
        int failures = health.slot(active).consecutiveFailures();

        if (activeResult.outcome() == SlotCheckResult.Outcome.UNHEALTHY && failures >= settings.threshold()) {
            SlotCheckResult otherResult = probe.check(other);
            health.record(other, otherResult, now());
            if (!otherResult.isHealthy()) {
                String why = otherResult.outcome() == SlotCheckResult.Outcome.INCONCLUSIVE ? "could not be checked"
                        : "is unhealthy too";
                return Decision.stay("not switched: " + active + " failed " + failures + " consecutive checks but "
                        + other + " " + why + describe(health.slot(other).lastError()));
            }
            String reason = active + " failed " + failures + " consecutive checks and " + other + " is healthy";
            if (held(health)) {
                return Decision.held(heldReason(health, reason), heldUntil(health));
            }
            return Decision.switchTo(other, reason);
        }

        if (settings.failback() && Device.SECONDARY.equals(active)) {
            SlotCheckResult primaryResult = probe.check(Device.PRIMARY);
            health.record(Device.PRIMARY, primaryResult, now());
            Instant healthySince = health.slot(Device.PRIMARY).healthySince();
            if (primaryResult.isHealthy() && healthySince != null
                    && !healthySince.plus(settings.failbackAfter()).isAfter(now())) {
                String reason =
                        "failback: primary healthy for " + Duration.between(healthySince, now()).toSeconds() + " s";
                if (held(health)) {
                    return Decision.held(heldReason(health, reason), heldUntil(health));
                }
                return Decision.switchTo(Device.PRIMARY, reason);
            }
        }
        if (activeResult.outcome() == SlotCheckResult.Outcome.INCONCLUSIVE) {
            return Decision.stay("check inconclusive" + describe(activeResult.detail()));
        }
        return Decision.stay(failures == 0 ? Decision.HEALTHY
                : "threshold not reached: " + active + " failed " + failures + " of " + settings.threshold()
                        + " checks");
    }

    private String heldReason(DeviceHealth health, String reason) {
        return "hold time: " + reason + ", but the last switch was at " + health.lastSwitch()
                + "; no automatic switch before " + heldUntil(health) + " (hold time " + settings.holdTime().toSeconds()
                + " s, SLOT_SWITCH_HOLD_TIME)";
    }

    private Instant heldUntil(DeviceHealth health) {
        return health.lastSwitch().plus(settings.holdTime());
    }

    private static String describe(String error) {
        return error == null || error.isBlank() ? "" : " (" + error + ")";
    }

    private boolean held(DeviceHealth health) {
        return health.lastSwitch() != null && health.lastSwitch().plus(settings.holdTime()).isAfter(now());
    }
}
