package io.joystick.fleet.reading;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A position as the edge reports it: degrees WGS84, altitude in m, speed in km/h, course in °, HDOP. */
@RegisterForReflection
public record GpsReading(Double latitude, Double longitude, Double altitude, Double speed, Double course,
        Integer satellites, Double hdop, String fix, Instant timestamp, String source) implements Reading {

    @Override
    public boolean plausible() {
        return (latitude == null || Math.abs(latitude) <= 90) && (longitude == null || Math.abs(longitude) <= 180);
    }
}
