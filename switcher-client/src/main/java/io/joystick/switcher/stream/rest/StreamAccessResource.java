package io.joystick.switcher.stream.rest;

import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.mechanism.Credentials;
import io.joystick.auth.origin.CrossOriginGuard;
import io.joystick.auth.origin.SameOrigin;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.switcher.stream.service.StreamAddress;
import io.joystick.switcher.stream.service.StreamPathIndex;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Traefik's {@code forwardAuth} for {@code /stream/} (docs/architecture.md#13-operator-tools): may the caller
 * (session cookie or Bearer token, checked by auth-lib) watch the stream at {@code X-Forwarded-Uri}? It needs
 * {@code media-route} and the allow-list of the device that owns the path. 200 lets Traefik pass the request
 * to MediaMTX; 401/403 go back to the browser. Reached by Traefik only: no public route leads here.
 */
@Path("/internal/stream-access")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class StreamAccessResource {

    static final String NO_STREAM = "No stream you may watch at this address";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final StreamPathIndex paths;
    private final DeviceAccess access;
    private final SameOrigin sameOrigin;
    private final SecurityIdentity identity;

    public StreamAccessResource(StreamPathIndex paths, DeviceAccess access, SameOrigin sameOrigin,
            SecurityIdentity identity) {
        this.paths = paths;
        this.access = access;
        this.sameOrigin = sameOrigin;
        this.identity = identity;
    }

    @GET
    @PermissionsRequired("media-route")
    @Operation(hidden = true) // Traefik's, inside the deployment; not part of the public API
    public Response check(@HeaderParam("X-Forwarded-Uri") String uri, @HeaderParam("X-Forwarded-Method") String method,
            @Context HttpServerRequest request) {
        // Traefik always asks with GET; a WHEP offer is a POST, which a cookie may only carry from our own pages
        if (method != null && !SAFE_METHODS.contains(method.toUpperCase())
                && Credentials.from(request) instanceof Credentials.SessionCookie && !sameOrigin.proven(request)) {
            throw ApiException.forbidden(CrossOriginGuard.REFUSED);
        }
        String path = StreamAddress.pathOf(uri).orElseThrow(() -> ApiException.forbidden(NO_STREAM));
        String device = paths.devicesByPath().get(path);
        if (device == null) {
            throw ApiException.forbidden(NO_STREAM);
        }
        if (!access.allows(Caller.of(identity), device)) {
            throw ApiException.forbidden(ErrorBody.DEVICE_ACCESS_DENIED);
        }
        return Response.ok().header("X-Joystick-Device", device).build();
    }
}
