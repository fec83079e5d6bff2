package io.joystick.auth.server.user.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.joystick.auth.permission.Caller;
import io.joystick.auth.server.login.rest.AuthRecord;
import io.joystick.auth.server.user.service.UserInput;
import io.joystick.auth.server.user.service.UserService;
import io.quarkus.security.identity.SecurityIdentity;

/** Admin-only user management; every change is audited. */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class AdminUserResource {

    private final UserService users;
    private final SecurityIdentity identity;

    public AdminUserResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @GET
    public List<AuthRecord> list() {
        return users.list().stream().map(AuthRecord::of).toList();
    }

    @GET
    @Path("/{id}")
    public AuthRecord get(@PathParam("id") String id) {
        return AuthRecord.of(users.get(id));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(schema = @Schema(implementation = AuthRecord.class)))
    public Response create(@Valid @NotNull UserInput.NewUser input) {
        return Response.status(201).entity(AuthRecord.of(users.create(input, actor()))).build();
    }

    @PATCH
    @Path("/{id}")
    public AuthRecord update(@PathParam("id") String id, @Valid @NotNull UserInput.UserChanges changes) {
        return AuthRecord.of(users.update(id, changes, actor()));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "The user is deleted")
    public Response delete(@PathParam("id") String id) {
        users.delete(id, actor());
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/permissions")
    public AuthRecord setPermissions(@PathParam("id") String id, @Valid @NotNull UserInput.PermissionSet body) {
        return AuthRecord.of(users.setPermissions(id,
                body.permissions() == null ? java.util.Set.of() : body.permissions(), actor()));
    }

    private String actor() {
        return Caller.require(identity).id();
    }
}
