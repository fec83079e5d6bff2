package io.joystick.device.search.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.joystick.auth.error.ApiException;

/** A query parameter holding an ISO-8601 instant; absent or blank is null, anything else unparsable a 400. */
public final class InstantParam {

    private InstantParam() {
    }

    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": not an ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)");
        }
    }
}
