package io.joystick.telemetry.reading.rest;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.joystick.telemetry.reading.BatteryReading;
import io.joystick.telemetry.reading.CellReading;
import io.joystick.telemetry.reading.GpsReading;
import io.joystick.telemetry.reading.ImuReading;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The latest reading of each sensor the caller may see. A sensor the caller may not see is left out ({@code null}
 * here); one without a fresh reading is {@code null} in the JSON ({@link Optional#empty()} here).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LatestReadings(Optional<GpsReading> gps, Optional<ImuReading> imu, Optional<BatteryReading> battery,
        Optional<CellReading> cpsi) {
}
