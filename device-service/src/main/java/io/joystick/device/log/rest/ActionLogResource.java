package io.joystick.device.log.rest;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.device.log.repository.ActionLog;
import io.joystick.device.log.repository.ActionLogRepository;
import io.joystick.device.log.service.ActionLogPage;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code GET /api/devices/{id}/logs}: the device's runs, newest first, PocketBase-style pages. */
@Path("/api/devices/{id}/logs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ActionLogResource {

    private final ActionLogRepository logs;
    private final DeviceAccess access;
    private final SecurityIdentity identity;

    public ActionLogResource(ActionLogRepository logs, DeviceAccess access, SecurityIdentity identity) {
        this.logs = logs;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Transactional
    public ActionLogPage list(@PathParam("id") String id,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(ActionLogPage.MAX_PAGE) int page,
            @QueryParam("perPage") @DefaultValue("30") @Min(1) @Max(ActionLogPage.MAX_PER_PAGE) int perPage) {
        access.check(identity, id);
        List<ActionLog> items = logs.forDevice(id, page - 1, perPage);
        long total = logs.countForDevice(id);
        return ActionLogPage.of(page, perPage, total, items);
    }
}
