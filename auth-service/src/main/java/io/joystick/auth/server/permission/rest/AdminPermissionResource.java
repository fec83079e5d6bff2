package io.joystick.auth.server.permission.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import io.joystick.auth.server.permission.repository.Permission;
import io.joystick.auth.server.permission.service.PermissionService;
import io.joystick.auth.server.user.service.UserInput;
import io.joystick.auth.server.user.service.UserService;
import io.quarkus.security.identity.SecurityIdentity;

/** Admin-only: the permission names and who holds each (memberships). */
@Path("/api/admin/permissions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class AdminPermissionResource {

    private final PermissionService permissions;
    private final UserService users;
    private final SecurityIdentity identity;

    public AdminPermissionResource(PermissionService permissions, UserService users, SecurityIdentity identity) {
        this.permissions = permissions;
        this.users = users;
        this.identity = identity;
    }

    @GET
    public List<PermissionService.PermissionView> list() {
        return permissions.list();
    }

    @POST
    @APIResponse(responseCode = "201", description = "The new permission",
            content = @Content(schema = @Schema(implementation = PermissionService.PermissionView.class)))
    public Response create(@Valid @NotNull UserInput.NewPermission input) {
        Permission created = permissions.create(input.name(), input.description(), actor());
        return Response.status(201)
                .entity(new PermissionService.PermissionView(created.name, created.description, List.of()))
                .build();
    }

    @DELETE
    @Path("/{name}")
    @APIResponse(responseCode = "204", description = "The permission is deleted")
    public Response delete(@PathParam("name") String name) {
        permissions.delete(name, actor());
        return Response.noContent().build();
    }

    @PUT
    @Path("/{name}/users/{userId}")
    public AuthRecord grant(@PathParam("name") String name, @PathParam("userId") String userId) {
        return AuthRecord.of(users.grant(userId, name, actor()));
    }

    @DELETE
    @Path("/{name}/users/{userId}")
    public AuthRecord withdraw(@PathParam("name") String name, @PathParam("userId") String userId) {
        return AuthRecord.of(users.withdraw(userId, name, actor()));
    }

    private String actor() {
        return Caller.require(identity).id();
    }
}
