package io.joystick.device.automation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.device.automation.service.DeviceSchedules;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** A device's on/off schedule (device-service/README.md, "Schedules"). */
@Path("/api/devices/{id}/automation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AutomationResource {

    /** Writing a schedule changes the device's mode, as set-mode does. */
    static final String CONTROL_MODE = "control-mode";

    private final DeviceSchedules schedules;
    private final SecurityIdentity identity;

    public AutomationResource(DeviceSchedules schedules, SecurityIdentity identity) {
        this.schedules = schedules;
        this.identity = identity;
    }

    @GET
    public DeviceSchedules.View get(@PathParam("id") String id) {
        return schedules.get(Caller.require(identity), id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsRequired(CONTROL_MODE)
    public DeviceSchedules.View put(@PathParam("id") String id, JsonNode body) {
        return schedules.put(Caller.require(identity), id, body);
    }

    @DELETE
    @PermissionsRequired(CONTROL_MODE)
    public void delete(@PathParam("id") String id) {
        schedules.delete(Caller.require(identity), id);
    }
}
