package io.joystick.auth.error;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code error} message of a dependency's error answer (the suite's shape; MediaMTX's shares it). */
public final class RemoteErrors {

    private static final int MAX_LENGTH = 300;

    private RemoteErrors() {
    }

    /** The answer's {@code error} field, shortened, or null when it has none. */
    public static String errorOf(WebApplicationException e) {
        try {
            JsonNode body = e.getResponse().readEntity(JsonNode.class);
            String error = body == null ? null : body.path("error").asText(null);
            return error == null || error.isBlank() ? null : shorten(error);
        } catch (RuntimeException unreadable) {
            return null; // not JSON: the status says enough
        }
    }

    public static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
