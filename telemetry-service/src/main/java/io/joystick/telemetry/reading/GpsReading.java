package io.joystick.telemetry.reading;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A position. Degrees (WGS84, negative south/west), altitude in metres above mean sea level, speed in km/h,
 * course in degrees true, HDOP; {@code fix} is {@code none}, {@code 2d} or {@code 3d}. Values the receiver
 * did not give are null (never 0).
 */
@RegisterForReflection
public record GpsReading(Double latitude, Double longitude, Double altitude, Double speed, Double course,
        Integer satellites, Double hdop, String fix, Instant timestamp, String source) implements Reading {
}
