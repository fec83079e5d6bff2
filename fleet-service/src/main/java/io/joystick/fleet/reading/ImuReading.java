package io.joystick.fleet.reading;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Acceleration x, y, z in g; {@code gyro} in °/s; {@code angle} roll/pitch/yaw in °; temperature in °C. */
@RegisterForReflection
public record ImuReading(Double x, Double y, Double z, Vector gyro, Angle angle, Double temperature, Instant timestamp,
        String source) implements Reading {

    @RegisterForReflection
    public record Vector(double x, double y, double z) {
    }

    @RegisterForReflection
    public record Angle(double roll, double pitch, double yaw) {
    }
}
