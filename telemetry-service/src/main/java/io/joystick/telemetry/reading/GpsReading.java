package io.joystick.telemetry.reading;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A position. Degrees (WGS84, negative south/west), altitude in metres above mean sea level, speed in km/h,
 * course in degrees true, HDOP; {@code fix} is {@code none}, {@code 2d} or {@code 3d}. Values the receiver
 * did not give are null (never 0).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GpsReading(@Decimals(7) Double latitude, @Decimals(7) Double longitude, @Decimals(1) Double altitude,
        @Decimals(2) Double speed, @Decimals(1) Double course, Integer satellites, @Decimals(2) Double hdop, String fix,
        Instant timestamp, String source) implements Reading {
}
