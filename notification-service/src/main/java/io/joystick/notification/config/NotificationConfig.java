package io.joystick.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** notification-service's own settings ({@code JOYSTICK_NOTIFICATION_*}). */
@ConfigMapping(prefix = "joystick.notification")
public interface NotificationConfig {

    WebSocket websocket();

    Fanout fanout();

    interface WebSocket {
        /**
         * Messages a connection may have waiting to be written; a client that falls this far behind is
         * disconnected (it can reconnect with {@code ?since=}) instead of holding memory or anyone else up.
         */
        @WithDefault("256")
        int maxPending();

        /** At most this many missed notifications are replayed on connect with {@code ?since=}. */
        @WithDefault("500")
        int replayLimit();

        /** How often open connections are checked against the revocation list (read by the scheduler). */
        @WithDefault("1s")
        Duration revocationCheck();
    }

    interface Fanout {
        /** The PostgreSQL channel instances announce new notifications on. */
        @WithDefault("joystick_notifications")
        String channel();

        /** How long to wait before listening again after the LISTEN connection dropped. */
        @WithDefault("1s")
        Duration reconnectDelay();
    }
}
