package io.joystick.switcher.stream.service;

import java.time.Instant;

/**
 * A streaming device's stream as last read from MediaMTX: {@code on} (source ready), {@code waiting}
 * (path configured, source not ready) or {@code off} (no path); {@code viewers} reading it now;
 * {@code waitingSince} while it waits.
 */
public record StreamStatus(String device, String path, String mode, String status, int viewers, Instant waitingSince) {

    public static final String ON = "on";
    public static final String WAITING = "waiting";
    public static final String OFF = "off";
}
