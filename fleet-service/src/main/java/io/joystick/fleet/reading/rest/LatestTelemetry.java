package io.joystick.fleet.reading.rest;

import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.fleet.reading.BatteryReading;
import io.joystick.fleet.reading.CellReading;
import io.joystick.fleet.reading.GpsReading;
import io.joystick.fleet.reading.ImuReading;

/**
 * A device's latest reading of each sensor the caller may see, each in the shape the device's own
 * {@code /api/{sensor}} answers. A sensor the caller may not see is left out ({@code null} here); one without a
 * reading is {@code null} in the JSON ({@link Optional#empty()} here).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LatestTelemetry(@Schema(implementation = GpsReading.class, nullable = true) Optional<JsonNode> gps,
        @Schema(implementation = ImuReading.class, nullable = true) Optional<JsonNode> imu,
        @Schema(implementation = BatteryReading.class, nullable = true) Optional<JsonNode> battery,
        @Schema(implementation = CellReading.class, nullable = true) Optional<JsonNode> cpsi) {
}
