package io.joystick.telemetry.reading;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Voltage in mV, current in mA (as the source reports its sign), power in mW, consumption in mAh drawn since
 * the service started, capacity in % and the charge status when the source knows them (else null).
 */
@RegisterForReflection
public record BatteryReading(Double voltage, Double current, Double power, Double consumption, Integer capacity,
        String status, Instant timestamp, String source) implements Reading {
}
