package io.joystick.telemetry.reading;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Voltage in mV, current in mA (as the source reports its sign), power in mW, consumption in mAh drawn since
 * the service started, capacity in % and the charge status when the source knows them (else null).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatteryReading(@Decimals(0) Double voltage, @Decimals(0) Double current, @Decimals(0) Double power,
        @Decimals(2) Double consumption, Integer capacity,
        String status, Instant timestamp, String source) implements Reading {
}
