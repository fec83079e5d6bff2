package io.joystick.device.model;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.Response;

import io.joystick.auth.permission.Caller;
import io.quarkus.security.Authenticated;

/**
 * Models, read by every authenticated caller and written by admins only (as the other catalogs). A model
 * carries {@code recordTerminal}, so it takes its own input rather than the catalogs' shared one.
 */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ModelResource {

    private final ModelRepository models;

    public ModelResource(ModelRepository models) {
        this.models = models;
    }

    @GET
    @Transactional
    public List<DeviceModel> list() {
        return models.listByName();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DeviceModel get(@PathParam("id") String id) {
        return models.require(id);
    }

    @POST
    @Transactional
    @RolesAllowed(Caller.ADMIN_ROLE)
    public Response create(@Valid @NotNull ModelInput input) {
        return Response.status(201).entity(models.create(input)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Caller.ADMIN_ROLE)
    public DeviceModel update(@PathParam("id") String id, @Valid @NotNull ModelInput input) {
        return models.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Caller.ADMIN_ROLE)
    public Response delete(@PathParam("id") String id) {
        models.remove(id);
        return Response.noContent().build();
    }
}
