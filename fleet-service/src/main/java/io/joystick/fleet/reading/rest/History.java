package io.joystick.fleet.reading.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.fleet.reading.Reading;

/**
 * A sensor's readings in [from, to] (ISO-8601), oldest first: {@code total} taken in the period, {@code items}
 * evenly thinned to the points asked for, each in the shape the device's own {@code /api/{sensor}} answers.
 */
public record History(String deviceId, String sensor, String from, String to, long total,
        @Schema(type = SchemaType.ARRAY, implementation = Reading.class) List<JsonNode> items) {
}
