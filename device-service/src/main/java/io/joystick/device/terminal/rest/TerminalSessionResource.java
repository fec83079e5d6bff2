package io.joystick.device.terminal.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.joystick.device.search.rest.InstantParam;
import io.joystick.device.terminal.repository.TerminalAudit;
import io.joystick.device.terminal.repository.TerminalAuditEntry;
import io.joystick.device.terminal.service.TerminalAuditPage;
import io.joystick.device.terminal.service.TerminalTranscripts;

/**
 * The terminal audit for admins (a JWT with {@code admin}; not the service key): {@code GET /api/terminal/sessions}
 * filtered by {@code device}, {@code user} and a time range of the start ({@code from} inclusive, {@code to}
 * exclusive, ISO-8601 instants), newest first, in PocketBase-style pages; {@code GET …/{id}} one row;
 * {@code GET …/{id}/transcript} the recorded output of a session, as the device sent it.
 */
@Path("/api/terminal/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class TerminalSessionResource {

    private final TerminalAudit audit;
    private final TerminalTranscripts transcripts;

    public TerminalSessionResource(TerminalAudit audit, TerminalTranscripts transcripts) {
        this.audit = audit;
        this.transcripts = transcripts;
    }

    @GET
    @Transactional
    public TerminalAuditPage search(
            @QueryParam("device") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "not a device id") String device,
            @QueryParam("user") @Pattern(regexp = "[A-Za-z0-9_:-]{1,128}", message = "not a user id") String user,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("1") @Min(1) int page,
            @QueryParam("perPage") @DefaultValue("30") @Min(1) @Max(500) int perPage) {
        TerminalAudit.Search search =
                new TerminalAudit.Search(device, user, InstantParam.parse("from", from), InstantParam.parse("to", to));
        List<TerminalAuditEntry> items = audit.search(search, page - 1, perPage);
        long total = audit.count(search);
        return TerminalAuditPage.of(page, perPage, total, items);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TerminalAuditEntry get(@PathParam("id") String id) {
        return audit.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Terminal session not found: " + id));
    }

    /** The output as the device sent it (escape sequences included; {@code cat} it in a terminal to replay it). */
    @GET
    @Path("/{id}/transcript")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @APIResponse(responseCode = "200", description = "The recorded output",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public Response transcript(@PathParam("id") String id) {
        byte[] transcript = transcripts.read(id).orElseThrow(() -> ApiException.notFound(
                "No transcript of terminal session " + id
                        + ": no such session, or its device's model does not record terminals"));
        return Response.ok(transcript).header("Cache-Control", "no-store").build();
    }
}
