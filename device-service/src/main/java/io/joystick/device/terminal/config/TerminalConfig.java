package io.joystick.device.terminal.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the web terminal ({@code /api/terminal/{device}}). */
@ConfigMapping(prefix = "joystick.terminal")
public interface TerminalConfig {

    /** A terminal with neither input nor output for this long is closed. */
    @WithDefault("15m")
    Duration idleTimeout();

    /** The longest a terminal may stay open, reconnects included. */
    @WithDefault("8h")
    Duration maxDuration();

    /** Terminals one user may have open on one device. */
    @WithDefault("3")
    int maxPerUserPerDevice();

    /** Terminals open on this instance, every user and device together. */
    @WithDefault("20")
    int maxPerInstance();

    /** How long the shell waits for its browser to come back after the WebSocket dropped. */
    @WithDefault("60s")
    Duration resumeWindow();

    /** The latest output kept for a reconnect, in bytes. */
    @WithDefault("65536")
    int replayBytes();

    /**
     * The most output one recorded session keeps in its transcript, in bytes (recording is switched on per
     * model); at the cap recording stops and the transcript says it was truncated.
     */
    @WithDefault("1048576")
    long transcriptMaxBytes();

    /** How often open terminals are checked against their limits, their token and the device's allow-list. */
    @WithDefault("2s")
    Duration checkInterval();
}
