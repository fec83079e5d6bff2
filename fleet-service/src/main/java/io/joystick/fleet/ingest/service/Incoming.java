package io.joystick.fleet.ingest.service;

import java.time.Instant;

import io.joystick.fleet.reading.ValidReading;

/** A checked message waiting to be stored, with how to acknowledge it to the broker once it is. */
public sealed interface Incoming {

    Runnable ack();

    record Telemetry(ValidReading reading, Runnable ack) implements Incoming {
    }

    record Presence(String deviceId, String state, Instant at, Runnable ack) implements Incoming {
    }
}
