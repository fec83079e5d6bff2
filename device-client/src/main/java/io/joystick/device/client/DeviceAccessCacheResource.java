package io.joystick.device.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code DELETE /api/internal/device-access/{deviceId}}: device-service says a device's allow-list changed (or
 * the device is gone), so the cached one is dropped at once; the cache's expiry stays the fallback. For the
 * service key only.
 */
@Path("/api/internal/device-access")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceAccessCacheResource {

    private final RemoteDeviceAllowList allowLists;
    private final SecurityIdentity identity;

    public DeviceAccessCacheResource(RemoteDeviceAllowList allowLists, SecurityIdentity identity) {
        this.allowLists = allowLists;
        this.identity = identity;
    }

    @DELETE
    @Path("/{deviceId}")
    @RolesAllowed(Caller.SERVICE_ROLE)
    @Operation(hidden = true) // service-to-service inside the deployment, not part of the public API
    public Response forget(@PathParam("deviceId") String deviceId) {
        if (!Caller.of(identity).service()) { // a token whose groups say "service" is still a user's
            throw ApiException.forbidden("Only services may do this");
        }
        allowLists.forget(deviceId);
        return Response.noContent().build();
    }
}
