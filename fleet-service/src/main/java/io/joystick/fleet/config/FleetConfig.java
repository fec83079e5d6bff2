package io.joystick.fleet.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** fleet-service's own settings ({@code FLEET_*}). */
@ConfigMapping(prefix = "fleet")
public interface FleetConfig {

    /** How long history is kept ({@code FLEET_RETENTION}). */
    @WithDefault("7d")
    Duration retention();

    /** Rows deleted per pruning step, so pruning never holds long locks. */
    @WithDefault("1000")
    int pruneBatch();

    /** A presence change is notified only once it has held this long ({@code FLEET_PRESENCE_DEBOUNCE}). */
    @WithDefault("30s")
    Duration presenceDebounce();

    /** How far ahead of this server's clock a reading's timestamp may be. */
    @WithDefault("5m")
    Duration maxClockAhead();

    /** Messages per second one device may send on average ({@code FLEET_DEVICE_RATE}); more are dropped. */
    @WithDefault("100")
    double deviceRate();

    /** Messages one device may send at once, e.g. a queue replayed after an outage ({@code FLEET_DEVICE_BURST}). */
    @WithDefault("2000")
    int deviceBurst();
}
