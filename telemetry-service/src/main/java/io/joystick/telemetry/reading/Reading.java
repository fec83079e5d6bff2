package io.joystick.telemetry.reading;

import java.time.Instant;

/** One sensor reading: every reading says when it was taken and where it came from. */
public interface Reading {

    Instant timestamp();

    /** {@code simulated}, {@code nmea}, {@code modem}, {@code witmotion}, {@code iio}, {@code sysfs}, {@code hwmon}. */
    String source();
}
