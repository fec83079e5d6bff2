package io.joystick.notification.fanout.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The fan-out between instances ({@code JOYSTICK_NOTIFICATION_FANOUT_*}). */
@ConfigMapping(prefix = "joystick.notification.fanout")
public interface FanoutConfig {
    /** The PostgreSQL channel instances announce new notifications on. */
    @WithDefault("joystick_notifications")
    String channel();

    /** How long to wait before listening again after the LISTEN connection dropped. */
    @WithDefault("1s")
    Duration reconnectDelay();
}
