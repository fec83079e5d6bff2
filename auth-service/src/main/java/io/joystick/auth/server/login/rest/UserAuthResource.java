package io.joystick.auth.server.login.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.common.ClientAddress;
import io.joystick.auth.server.login.service.DeviceCookies;
import io.joystick.auth.server.login.service.LoginService;
import io.joystick.auth.server.user.service.EmailAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * PocketBase-compatible login, so the browser app and the PocketBase JS SDK work unchanged: same paths,
 * same request and response shapes, same error shape.
 */
@Path("/api/collections/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserAuthResource {

    private static final String FAILED = "Failed to authenticate.";

    private final LoginService logins;
    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final DeviceCookies devices;

    public UserAuthResource(LoginService logins, ObjectMapper json, SecurityIdentity identity, DeviceCookies devices) {
        this.devices = devices;
        this.logins = logins;
        this.json = json;
        this.identity = identity;
    }

    @POST
    @Path("/auth-with-password")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "Logged in: the token and the user",
            content = @Content(schema = @Schema(implementation = AuthRecord.WithToken.class)))
    public Response authWithPassword(String body, @CookieParam(DeviceCookies.NAME) String deviceCookie,
            @Context HttpServerRequest request) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return PocketBaseError.response(400,
                    "Invalid request body: a JSON object {identity, password} is expected.");
        }
        Map<String, Object> problems = new LinkedHashMap<>();
        String identityValue = text(node, "identity", problems);
        String password = text(node, "password", problems);
        if (identityValue != null && !EmailAddress.isValid(identityValue)) {
            problems.put("identity",
                    PocketBaseError.fieldError("validation_invalid_email", "Must be a valid email address."));
        }
        if (!problems.isEmpty()) {
            return PocketBaseError.response(400, "Something went wrong while processing your request.", problems);
        }
        LoginService.Outcome outcome = logins.login(identityValue, password, ClientAddress.of(request), deviceCookie);
        if (outcome instanceof LoginService.Success success) {
            return Response.ok(success.auth()).cookie(devices.cookie(success.deviceCookie())).build();
        }
        if (outcome instanceof LoginService.Throttled throttled) {
            return Response.fromResponse(PocketBaseError.response(429, "Too many failed attempts, try again later."))
                    .header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        return PocketBaseError.response(400, FAILED);
    }

    @POST
    @Path("/auth-refresh")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "A new token and the user",
            content = @Content(schema = @Schema(implementation = AuthRecord.WithToken.class)))
    public Response authRefresh(@Context HttpServerRequest request) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return PocketBaseError.response(401, "The request requires valid record authorization token.");
        }
        Optional<AuthRecord.WithToken> refreshed = logins.refresh(jwt.getSubject(), ClientAddress.of(request));
        return refreshed.map(auth -> Response.ok(auth).build())
                .orElseGet(() -> PocketBaseError.response(404, "The requested resource wasn't found."));
    }

    private static String text(JsonNode node, String field, Map<String, Object> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.put(field, PocketBaseError.fieldError("validation_required", "Missing required value."));
            return null;
        }
        return value.asText();
    }
}
