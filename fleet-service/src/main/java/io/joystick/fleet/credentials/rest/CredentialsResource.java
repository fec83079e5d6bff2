package io.joystick.fleet.credentials.rest;

import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.device.client.DeviceServiceClient;
import io.joystick.fleet.credentials.IssuedCredentials;
import io.joystick.fleet.credentials.service.DeviceCredentials;
import io.joystick.fleet.ingest.service.Topic;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A device's broker account: admins and services, or the device's owner with {@code edit-device}. POST answers the
 * password once (and never again; POST again to rotate); DELETE revokes the account and disconnects the device.
 */
@Path("/api/fleet/devices/{id}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CredentialsResource {

    private final DeviceCredentials credentials;
    private final DeviceServiceClient devices;
    private final SecurityIdentity identity;

    public CredentialsResource(DeviceCredentials credentials, DeviceServiceClient devices, SecurityIdentity identity) {
        this.credentials = credentials;
        this.devices = devices;
        this.identity = identity;
    }

    @POST
    @APIResponse(responseCode = "200", description = "The new account; its password is shown this once",
            content = @Content(schema = @Schema(implementation = IssuedCredentials.class)))
    public Response issue(@PathParam("id") String deviceId) {
        authorize(deviceId);
        return Response.ok(credentials.issue(deviceId)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Revoked; the device is disconnected")
    public Response revoke(@PathParam("id") String deviceId) {
        authorize(deviceId);
        credentials.revoke(deviceId);
        return Response.noContent().build();
    }

    private void authorize(String deviceId) {
        Caller caller = Caller.of(identity);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        if (!Topic.DEVICE_ID.matcher(deviceId).matches()) {
            throw ApiException.notFound("Device not found: " + deviceId);
        }
        Optional<Optional<String>> owner;
        try {
            owner = devices.owner(deviceId);
        } catch (RuntimeException e) {
            throw new ApiException(503, "Device service unavailable: cannot check the device");
        }
        if (owner.isEmpty()) {
            throw ApiException.notFound("Device not found: " + deviceId);
        }
        if (caller.privileged()) {
            return;
        }
        if (!caller.has("edit-device")) {
            throw ApiException.forbidden(ErrorBody.MISSING_PERMISSIONS + "edit-device");
        }
        if (!owner.get().map(caller.id()::equals).orElse(false)) {
            throw ApiException.forbidden("Only the device's owner or an admin can manage its broker account");
        }
    }
}
