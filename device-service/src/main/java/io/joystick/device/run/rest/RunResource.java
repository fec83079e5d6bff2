package io.joystick.device.run.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.joystick.auth.permission.Caller;
import io.joystick.device.run.service.RunInput;
import io.joystick.device.run.service.RunService;
import io.joystick.device.run.service.RunView;
import io.quarkus.security.Authenticated;

/**
 * Run definitions: readable by every authenticated caller, written by admins only (a JWT with {@code admin}).
 * A run definition is a command that runs on a device or on this host, so the service key cannot write one.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RunResource {

    private final RunService runs;

    public RunResource(RunService runs) {
        this.runs = runs;
    }

    @GET
    public List<RunView> list() {
        return runs.list();
    }

    @GET
    @Path("/{id}")
    public RunView get(@PathParam("id") String id) {
        return runs.get(id);
    }

    @POST
    @RolesAllowed(Caller.ADMIN_ROLE)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RunView.class)))
    public RunView create(@Valid @NotNull RunInput input) {
        return runs.create(input);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN_ROLE)
    public RunView update(@PathParam("id") String id, @Valid @NotNull RunInput input) {
        return runs.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN_ROLE)
    public void delete(@PathParam("id") String id) {
        runs.delete(id);
    }
}
