package io.joystick.switcher.health.service;

/** Runs one slot check of a device ({@code slot-check} through device-service, in production). */
@FunctionalInterface
public interface SlotProbe {

    SlotCheckResult check(String slot);
}
