package io.joystick.notification.push.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The WebSocket push's settings ({@code JOYSTICK_NOTIFICATION_WEBSOCKET_*}). */
@ConfigMapping(prefix = "joystick.notification.websocket")
public interface WebSocketConfig {
    /**
     * Messages a connection may have waiting to be written; a client that falls this far behind is disconnected (it
     * can reconnect with {@code ?since=}) instead of holding memory or anyone else up.
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
