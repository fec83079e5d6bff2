package io.joystick.fleet.reading;

import java.time.Instant;

/** A message that passed every check: the reading's JSON as stored and served, and when it was taken. */
public record ValidReading(String deviceId, Sensor sensor, Instant timestamp, String json) {
}
