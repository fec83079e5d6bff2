package io.joystick.fleet.reading;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Voltage in mV, current in mA, power in mW, consumption in mAh, capacity in %, charge status. */
@RegisterForReflection
public record BatteryReading(Double voltage, Double current, Double power, Double consumption, Integer capacity,
        String status, Instant timestamp, String source) implements Reading {
}
