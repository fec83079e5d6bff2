package io.joystick.switcher.health.service;

import java.time.Instant;

/**
 * What a health check concluded for a device: stay on the active slot, or switch to {@code switchTo}. The
 * reason says why, in words an operator reads in the health view and the log (the hold time, the other slot
 * unhealthy, the threshold not reached, …); {@code heldUntil} is set when only the hold time kept it from switching.
 */
public record Decision(String switchTo, String reason, Instant heldUntil) {

    public static Decision stay(String reason) {
        return new Decision(null, reason, null);
    }

    public static Decision held(String reason, Instant until) {
        return new Decision(null, reason, until);
    }

    public static Decision switchTo(String slot, String reason) {
        return new Decision(slot, reason, null);
    }

    public boolean switches() {
        return switchTo != null;
    }

    /** A stay that an operator may wonder about: anything but a healthy active slot. */
    public boolean notable() {
        return !switches() && !HEALTHY.equals(reason);
    }

    static final String HEALTHY = "healthy";
}
