package io.joystick.fleet.reading.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A sensor's readings in [from, to] (ISO-8601), oldest first: {@code total} taken in the period, {@code items}
 * evenly thinned to the points asked for, each in the shape the device's own {@code /api/{sensor}} answers.
 */
public record History(String deviceId, String sensor, String from, String to, long total, List<JsonNode> items) {
}
