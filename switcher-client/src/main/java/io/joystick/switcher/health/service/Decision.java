package io.joystick.switcher.health.service;

/** What a health check concluded for a device: stay on the active slot, or switch to {@code switchTo}. */
public record Decision(String switchTo, String reason) {

    public static Decision stay(String reason) {
        return new Decision(null, reason);
    }

    public static Decision switchTo(String slot, String reason) {
        return new Decision(slot, reason);
    }

    public boolean switches() {
        return switchTo != null;
    }
}
