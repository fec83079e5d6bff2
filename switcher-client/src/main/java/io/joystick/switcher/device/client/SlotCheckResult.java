package io.joystick.switcher.device.client;

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
