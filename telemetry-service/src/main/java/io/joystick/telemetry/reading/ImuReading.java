package io.joystick.telemetry.reading;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Acceleration x, y, z in g; {@code gyro} in °/s; {@code angle} roll/pitch/yaw in °; temperature in °C. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImuReading(@Decimals(3) Double x, @Decimals(3) Double y, @Decimals(3) Double z, Vector gyro, Angle angle,
        @Decimals(1) Double temperature, Instant timestamp, String source) implements Reading {

    @RegisterForReflection
    public record Vector(@Decimals(2) double x, @Decimals(2) double y, @Decimals(2) double z) {
    }

    @RegisterForReflection
    public record Angle(@Decimals(2) double roll, @Decimals(2) double pitch, @Decimals(2) double yaw) {
    }
}
