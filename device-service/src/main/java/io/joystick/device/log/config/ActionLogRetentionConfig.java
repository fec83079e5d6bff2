package io.joystick.device.log.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long {@code action_logs} rows are kept (device-service's README, "Configuration"). */
@ConfigMapping(prefix = "joystick.action-log")
public interface ActionLogRetentionConfig {

    /** Quiet rows (switcher-client's slot checks, {@code ?log=false}) older than this are deleted. */
    @WithDefault("7d")
    Duration quietRetention();

    /** Every row older than this is deleted; absent (the default), rows that are not quiet are kept. */
    Optional<Duration> retention();

    /** When the deletion runs: a Quartz cron expression, in the server's time zone (default 03:30 every day). */
    @WithDefault("0 30 3 * * ?")
    String retentionSchedule();

    /** Rows deleted per transaction, so no delete holds its locks for long. */
    @WithDefault("10000")
    int retentionBatchSize();
}
