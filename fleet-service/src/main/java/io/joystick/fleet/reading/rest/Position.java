package io.joystick.fleet.reading.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.fleet.reading.GpsReading;

/** A device's latest GPS reading, in the shape the device's own {@code /api/gps} answers. */
public record Position(String deviceId, @Schema(implementation = GpsReading.class) JsonNode gps) {
}
