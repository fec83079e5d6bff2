package io.joystick.telemetry.reading;

/** The sensors this service reads, with the key used in JSON and SSE and the permission that guards them. */
public enum Sensor {
    GPS("gps", "device-gps", "GPS"),
    IMU("imu", "device-imu", "IMU"),
    BATTERY("battery", "device-battery", "battery"),
    CELLULAR("cpsi", "device-cpsi", "cellular");

    private final String key;
    private final String permission;
    private final String label;

    Sensor(String key, String permission, String label) {
        this.key = key;
        this.permission = permission;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String permission() {
        return permission;
    }

    public String label() {
        return label;
    }
}
