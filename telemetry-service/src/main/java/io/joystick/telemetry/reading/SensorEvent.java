package io.joystick.telemetry.reading;

/** A new reading of one sensor, as pushed on the stream. */
public record SensorEvent(Sensor sensor, Reading reading) {
}
