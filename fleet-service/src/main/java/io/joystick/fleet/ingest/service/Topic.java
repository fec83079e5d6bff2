package io.joystick.fleet.ingest.service;

import java.util.Optional;
import java.util.regex.Pattern;

import io.joystick.fleet.reading.Sensor;

/** A device topic: {@code joystick/devices/{id}/telemetry/{sensor}} or {@code joystick/devices/{id}/presence}. */
public record Topic(String deviceId, Sensor sensor) {

    public static final String PREFIX = "joystick/devices/";
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public boolean presence() {
        return sensor == null;
    }

    public static Optional<Topic> parse(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = name.substring(PREFIX.length()).split("/", -1);
        if (!DEVICE_ID.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        if (parts.length == 2 && parts[1].equals("presence")) {
            return Optional.of(new Topic(parts[0], null));
        }
        if (parts.length == 3 && parts[1].equals("telemetry")) {
            return Sensor.byKey(parts[2]).map(sensor -> new Topic(parts[0], sensor));
        }
        return Optional.empty();
    }

    public static String telemetry(String deviceId, Sensor sensor) {
        return PREFIX + deviceId + "/telemetry/" + sensor.key();
    }

    public static String presence(String deviceId) {
        return PREFIX + deviceId + "/presence";
    }
}
