package io.joystick.auth.server.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.permission.Caller;
import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;

@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class AdminAuditResource {

    /** With at most 500 per page, (page - 1) * perPage stays an int, which Panache's offset is. */
    private static final int MAX_PAGE = 1_000_000;

    private final AuditLog audit;

    public AdminAuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; {@code page} starts at 1 as in PocketBase. */
    @GET
    public List<AuditEvent> list(@QueryParam("page") @DefaultValue("1") @Min(1) @Max(MAX_PAGE) int page,
            @QueryParam("perPage") @DefaultValue("50") @Min(1) @Max(500) int perPage) {
        return audit.latest(page - 1, perPage);
    }
}
