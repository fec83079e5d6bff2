package io.joystick.fleet.reading.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** A device's latest GPS reading, in the shape the device's own {@code /api/gps} answers. */
public record Position(String deviceId, JsonNode gps) {
}
