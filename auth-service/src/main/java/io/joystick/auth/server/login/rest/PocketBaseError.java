package io.joystick.auth.server.login.rest;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** PocketBase's error shape, kept on the PocketBase-compatible routes because its SDK parses it. */
public record PocketBaseError(int code, String message, Map<String, Object> data) {

    public static Response response(int code, String message) {
        return response(code, message, Map.of());
    }

    public static Response response(int code, String message, Map<String, Object> data) {
        return Response.status(code).type(MediaType.APPLICATION_JSON).entity(new PocketBaseError(code, message, data))
                .build();
    }

    public static Map<String, Object> fieldError(String code, String message) {
        return Map.of("code", code, "message", message);
    }
}
