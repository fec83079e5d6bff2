package io.joystick.fleet.ingest.service;

import java.time.Instant;

import io.joystick.fleet.reading.Sensor;

/** A message that passed every check: the reading's JSON as stored and served, and when it was taken. */
public record ValidReading(String deviceId, Sensor sensor, Instant timestamp, String json) {
}
