package io.joystick.switcher.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * switcher-client's settings. application.properties maps the documented environment variables
 * (SLOT_HEALTH_CHECK_INTERVAL, SLOT_FAILURE_THRESHOLD, JOYSTICK_SWITCHER_SHARD, …) onto these; durations
 * given as a bare number are seconds.
 */
@ConfigMapping(prefix = "joystick.switcher")
public interface SwitcherConfig {

    /** Time between two health runs; the first run starts one interval after start-up. */
    @WithDefault("30s")
    Duration checkInterval();

    /** Consecutive failed checks of the active slot before the other slot is considered. */
    @WithDefault("2")
    int failureThreshold();

    /** No automatic switch happens sooner than this after the previous switch (stops flapping). */
    @WithDefault("120s")
    Duration holdTime();

    /**
     * How many devices are checked at the same time: 32 checks 1,000 devices within half the 30 s interval
     * (benchmarks/results/fleet-scale.md); above 50, raise the device-service REST client's connection pool too.
     */
    @WithDefault("32")
    int checkConcurrency();

    /**
     * The run timeout asked of device-service for one {@code slot-check}. A device that does not answer holds one
     * of the {@link #checkConcurrency()} checks this long, so 5 s keeps a run of 1,000 devices within half the
     * interval (benchmarks/results/fleet-scale.md) and still leaves a check such as {@code ping -c1 -W2} room.
     */
    @WithDefault("5s")
    Duration checkTimeout();

    /** {@code i/n}: this replica checks the devices whose id hashes (CRC32) to {@code i} modulo {@code n}. */
    @WithDefault("0/1")
    String shard();

    Failback failback();

    MediaMtx mediamtx();

    Stream stream();

    interface Failback {
        /** Switch back to the primary slot once it has been healthy for {@link #after()}. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("300s")
        Duration after();
    }

    interface MediaMtx {
        /** MediaMTX API user (basic auth); without one no credentials are sent. */
        Optional<String> user();

        Optional<String> password();
    }

    interface Stream {
        /** Off where no MediaMTX runs (the local run): no reads, statuses untouched, readiness unaffected. */
        @WithDefault("true")
        boolean statusEnabled();

        /** Time between two reads of MediaMTX's runtime paths, which set the devices' stream status. */
        @WithDefault("5s")
        Duration statusInterval();

        /** A {@code live} device whose stream has been waiting this long gets one warning notification. */
        @WithDefault("60s")
        Duration lostAfter();
    }
}
