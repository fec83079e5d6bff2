package io.joystick.switcher.health.service;

import io.joystick.auth.error.RemoteErrors;
import io.joystick.device.client.RunAnswer;

/** What one {@code slot-check} said about a slot. */
public record SlotCheckResult(Outcome outcome, String detail) {

    public enum Outcome {
        /** The check ran and printed {@code true}. */
        HEALTHY,
        /** The check ran and said no, failed, or the slot's host could not be reached. */
        UNHEALTHY,
        /** Nothing was learnt about the slot (device-service down, run not defined, …): not counted. */
        INCONCLUSIVE
    }

    /**
     * What a {@code slot-check} run's answer says: healthy when it printed {@code true}. A run that exited
     * non-zero (500), could not reach the host (502) or timed out (504) says the slot is unhealthy; any other
     * refusal says nothing about the slot.
     */
    public static SlotCheckResult of(RunAnswer answer) {
        if (answer.succeeded()) {
            String output = answer.output() == null ? "" : answer.output().trim();
            return "true".equals(output) ? healthy() : unhealthy("slot-check printed: " + RemoteErrors.shorten(output));
        }
        int status = answer.status();
        if (status == 500 || status == 502 || status == 504) {
            return unhealthy(answer.error());
        }
        return inconclusive("device-service answered " + status + ": " + answer.error());
    }

    public static SlotCheckResult healthy() {
        return new SlotCheckResult(Outcome.HEALTHY, null);
    }

    public static SlotCheckResult unhealthy(String detail) {
        return new SlotCheckResult(Outcome.UNHEALTHY, detail);
    }

    public static SlotCheckResult inconclusive(String detail) {
        return new SlotCheckResult(Outcome.INCONCLUSIVE, detail);
    }

    public boolean isHealthy() {
        return outcome == Outcome.HEALTHY;
    }
}
