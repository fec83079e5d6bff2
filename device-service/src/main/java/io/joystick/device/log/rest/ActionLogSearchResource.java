package io.joystick.device.log.rest;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.permission.Caller;
import io.joystick.device.log.repository.ActionLog;
import io.joystick.device.log.repository.ActionLogRepository;
import io.joystick.device.log.service.ActionLogPage;
import io.joystick.device.search.rest.InstantParam;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code GET /api/action-logs}: the runs on every device the caller may see (admins and services: all, deleted
 * devices' included), newest first, filtered by {@code device}, {@code user}, {@code action}, {@code success}
 * and a time range ({@code from} inclusive, {@code to} exclusive, ISO-8601 instants), in PocketBase-style pages.
 */
@Path("/api/action-logs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ActionLogSearchResource {

    private final ActionLogRepository logs;
    private final DeviceAccess access;
    private final SecurityIdentity identity;

    public ActionLogSearchResource(ActionLogRepository logs, DeviceAccess access, SecurityIdentity identity) {
        this.logs = logs;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Transactional
    public ActionLogPage search(
            @QueryParam("device") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "not a device id") String device,
            @QueryParam("user") @Pattern(regexp = "[A-Za-z0-9_:-]{1,128}", message = "not a user id") String user,
            @QueryParam("action") @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}",
                    message = "not an action name") String action,
            @QueryParam("success") @Pattern(regexp = "true|false",
                    message = "must be 'true' or 'false'") String success,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(ActionLogPage.MAX_PAGE) int page,
            @QueryParam("perPage") @DefaultValue("30") @Min(1) @Max(ActionLogPage.MAX_PER_PAGE) int perPage) {
        Caller caller = Caller.require(identity);
        if (device != null && !caller.privileged()) {
            access.check(identity, device); // 404 or 403 rather than an empty page that hides why
        }
        ActionLogRepository.Search search = new ActionLogRepository.Search(caller.privileged() ? null : caller.id(),
                device, user, action, success == null ? null : Boolean.valueOf(success),
                InstantParam.parse("from", from),
                InstantParam.parse("to", to));
        List<ActionLog> items = logs.search(search, page - 1, perPage);
        long total = logs.count(search);
        return ActionLogPage.of(page, perPage, total, items);
    }
}
