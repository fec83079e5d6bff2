package io.joystick.auth.error;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error shape of the suite: {@code {"success":false,"error":"…"}}; validation errors also list
 * each problem under {@code details}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(boolean success, String error, List<String> details) {

    public static final String AUTHENTICATION_REQUIRED = "Authentication required";
    public static final String DEVICE_ACCESS_DENIED = "Access denied: You don't have permission to control this device";
    public static final String MISSING_PERMISSIONS = "Missing required permissions: ";

    public static ErrorBody of(String message) {
        return new ErrorBody(false, message, null);
    }

    public static Response response(int status, String message) {
        return response(status, of(message));
    }

    public static Response response(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    public static Response unauthorized() {
        return Response.status(401).type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Bearer")
                .entity(of(AUTHENTICATION_REQUIRED)).build();
    }

    /** The same 401 body as JSON text, for the layers below JAX-RS (Vert.x routes, WebSocket upgrades). */
    public static String unauthorizedJson() {
        return "{\"success\":false,\"error\":\"" + AUTHENTICATION_REQUIRED + "\"}";
    }
}
