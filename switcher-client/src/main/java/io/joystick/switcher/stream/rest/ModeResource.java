package io.joystick.switcher.stream.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.device.client.Device;
import io.joystick.switcher.device.service.DeviceLookup;
import io.joystick.switcher.stream.service.StreamService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code POST /api/mode/{device}/{live|off|auto}}: the device's MediaMTX path ({@code control-mode} and the
 * allow-list). The mode of record stays device-service's: its {@code set-mode} action stores it and calls
 * this endpoint, and this endpoint never calls back.
 */
@Path("/api/mode")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ModeResource {

    /** The MediaMTX path now in line with {@code mode}. */
    public record ModeApplied(boolean success, String device, String mode, String path) {
    }

    private final DeviceLookup lookup;
    private final StreamService streams;
    private final SecurityIdentity identity;

    public ModeResource(DeviceLookup lookup, StreamService streams, SecurityIdentity identity) {
        this.lookup = lookup;
        this.streams = streams;
        this.identity = identity;
    }

    @POST
    @Path("/{device}/{mode}")
    @PermissionsRequired("control-mode")
    public ModeApplied mode(@PathParam("device") String deviceId, @PathParam("mode") String mode) {
        if (!StreamService.MODES.contains(mode)) {
            throw ApiException.badRequest("mode: must be 'live', 'off' or 'auto'");
        }
        Device device = lookup.require(identity, deviceId);
        String path = streams.apply(device, mode);
        return new ModeApplied(true, device.id(), mode, path);
    }
}
