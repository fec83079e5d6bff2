package io.joystick.switcher.health.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.joystick.switcher.device.client.Device;
import io.joystick.switcher.device.client.SlotCheckResult;

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

    /** Checks {@code health}'s device through {@code probe}, records the results, and decides. */
    public Decision evaluate(DeviceHealth health, SlotProbe probe) {
        String active = health.activeSlot();
        String other = Device.other(active);
        SlotCheckResult activeResult = probe.check(active);
        health.record(active, activeResult, now());
        int failures = health.slot(active).consecutiveFailures();

        if (activeResult.outcome() == SlotCheckResult.Outcome.UNHEALTHY && failures >= settings.threshold()) {
            SlotCheckResult otherResult = probe.check(other);
            health.record(other, otherResult, now());
            if (!otherResult.isHealthy()) {
                return Decision.stay("both slots unhealthy");
            }
            String reason = active + " failed " + failures + " consecutive checks and " + other + " is healthy";
            return held(health) ? Decision.stay("hold time: " + reason) : Decision.switchTo(other, reason);
        }

        if (settings.failback() && Device.SECONDARY.equals(active)) {
            SlotCheckResult primaryResult = probe.check(Device.PRIMARY);
            health.record(Device.PRIMARY, primaryResult, now());
            Instant healthySince = health.slot(Device.PRIMARY).healthySince();
            if (primaryResult.isHealthy() && healthySince != null
                    && !healthySince.plus(settings.failbackAfter()).isAfter(now()) && !held(health)) {
                return Decision.switchTo(Device.PRIMARY, "failback: primary healthy for "
                        + Duration.between(healthySince, now()).toSeconds() + " s");
            }
        }
        return Decision.stay(activeResult.outcome() == SlotCheckResult.Outcome.INCONCLUSIVE ? "check inconclusive"
                : failures == 0 ? "healthy" : active + " failed " + failures + " of " + settings.threshold() + " checks");
    }

    private boolean held(DeviceHealth health) {
        return health.lastSwitch() != null && health.lastSwitch().plus(settings.holdTime()).isAfter(now());
    }
}
