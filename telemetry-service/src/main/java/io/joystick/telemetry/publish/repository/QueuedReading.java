package io.joystick.telemetry.publish.repository;

import java.time.Instant;

/** One reading waiting to be published: its place in the queue, the sensor's key, when it was taken and its JSON. */
public record QueuedReading(long sequence, String sensor, Instant timestamp, byte[] json) {
}
