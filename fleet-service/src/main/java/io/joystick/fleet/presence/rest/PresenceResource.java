package io.joystick.fleet.presence.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.error.ApiException;
import io.joystick.fleet.access.service.FleetAccess;
import io.joystick.fleet.presence.repository.DevicePresence;
import io.joystick.fleet.presence.repository.PresenceRepository;
import io.quarkus.security.Authenticated;

/** Whether a device is online, and since when; behind the device's allow-list. */
@Path("/api/fleet/devices/{id}/presence")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PresenceResource {

    private final PresenceRepository presences;
    private final FleetAccess access;

    public PresenceResource(PresenceRepository presences, FleetAccess access) {
        this.presences = presences;
        this.access = access;
    }

    @GET
    public PresenceView presence(@PathParam("id") String deviceId) {
        access.caller();
        access.checkDevice(deviceId);
        DevicePresence presence = presences.find(deviceId)
                .orElseThrow(() -> ApiException.notFound("No presence known for device " + deviceId));
        return new PresenceView(deviceId, presence.state, presence.since.toString());
    }
}
