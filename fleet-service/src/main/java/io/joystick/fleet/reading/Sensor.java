package io.joystick.fleet.reading;

import java.util.Arrays;
import java.util.Optional;

/** The sensors devices publish, with their topic/JSON key, the permission that guards them and their shape. */
public enum Sensor {
    GPS("gps", "device-gps", GpsReading.class),
    IMU("imu", "device-imu", ImuReading.class),
    BATTERY("battery", "device-battery", BatteryReading.class),
    CELLULAR("cpsi", "device-cpsi", CellReading.class);

    private final String key;
    private final String permission;
    private final Class<? extends Reading> shape;

    Sensor(String key, String permission, Class<? extends Reading> shape) {
        this.key = key;
        this.permission = permission;
        this.shape = shape;
    }

    public String key() {
        return key;
    }

    public String permission() {
        return permission;
    }

    public Class<? extends Reading> shape() {
        return shape;
    }

    public static Optional<Sensor> byKey(String key) {
        return Arrays.stream(values()).filter(sensor -> sensor.key.equals(key)).findFirst();
    }
}
