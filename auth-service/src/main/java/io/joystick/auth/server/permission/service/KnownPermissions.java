package io.joystick.auth.server.permission.service;

import java.util.List;

/** The feature names the browser app checks; seeded on first start (docs/architecture.md#3-auth-service). */
public final class KnownPermissions {

    public static final List<String> SEEDED = List.of(
            "device-cpsi", "device-battery", "device-gps", "device-imu", "device-ping", "device-temp",
            "notifications", "notifications-history", "control-mode", "control-ptz", "control-roi", "toggle-slot",
            "advanced-stream-control", "system-status", "cell-search", "media-route", "action-route",
            "parameters-route", "gallery-route", "terminal-route", "cell-search-route", "message-route",
            "audio-route", "create-device", "edit-device", "delete-device");

    private KnownPermissions() {
    }
}
