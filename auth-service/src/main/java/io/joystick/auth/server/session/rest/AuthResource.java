package io.joystick.auth.server.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.joystick.auth.common.ClientAddress;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.error.SuccessBody;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.revocation.RevocationsPage;
import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.login.rest.AuthRecord;
import io.joystick.auth.server.revocation.service.RevocationService;
import io.joystick.auth.server.user.service.PasswordChangeService;
import io.joystick.auth.server.user.service.UserInput;
import io.joystick.auth.server.user.service.UserService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/** The caller's own session: who am I, log out, log out everywhere, change my password; and the revocation feed. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final SecurityIdentity identity;
    private final UserService users;
    private final PasswordChangeService passwordChanges;
    private final RevocationService revocations;
    private final AuditLog audit;

    public AuthResource(SecurityIdentity identity, UserService users, PasswordChangeService passwordChanges,
            RevocationService revocations, AuditLog audit) {
        this.identity = identity;
        this.users = users;
        this.passwordChanges = passwordChanges;
        this.revocations = revocations;
        this.audit = audit;
    }

    @GET
    @Path("/me")
    @Authenticated
    @APIResponse(responseCode = "200", description = "The calling user, or the calling service",
            content = @Content(schema = @Schema(oneOf = {AuthRecord.class, ServicePrincipal.class})))
    public Object me() {
        Caller caller = Caller.require(identity);
        if (caller.service()) {
            return new ServicePrincipal(caller.name(), true);
        }
        return AuthRecord.of(users.get(caller.id()));
    }

    /** Revokes the token that made this request. */
    @POST
    @Path("/logout")
    @Authenticated
    public SuccessBody logout() {
        JsonWebToken jwt = userToken();
        revocations.revokeToken(jwt.getSubject(), jwt.getTokenID(), jwt.getExpirationTime());
        audit.record(AuditEvent.Type.LOGOUT, jwt.getSubject(), jwt.getSubject(), null, null);
        return SuccessBody.OK;
    }

    /** Revokes every token of the caller, on every device. */
    @POST
    @Path("/logout-all")
    @Authenticated
    public SuccessBody logoutAll() {
        JsonWebToken jwt = userToken();
        revocations.revokeUser(jwt.getSubject());
        audit.record(AuditEvent.Type.LOGOUT_ALL, jwt.getSubject(), jwt.getSubject(), null, null);
        return SuccessBody.OK;
    }

    @POST
    @Path("/password")
    @Authenticated
    @APIResponse(responseCode = "200", description = "The password is changed",
            content = @Content(schema = @Schema(implementation = SuccessBody.class)))
    @APIResponse(responseCode = "409", description = "The password was changed by someone else during the check")
    public Response changePassword(@Valid @NotNull UserInput.PasswordChange change,
            @Context HttpServerRequest request) {
        PasswordChangeService.Outcome outcome =
                passwordChanges.change(userToken().getSubject(), change, ClientAddress.of(request));
        if (outcome instanceof PasswordChangeService.Throttled throttled) {
            return Response.fromResponse(ErrorBody.response(429, "Too many failed attempts, try again later."))
                    .header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        if (outcome instanceof PasswordChangeService.WrongPassword) {
            throw ApiException.badRequest("The current password is wrong");
        }
        return Response.ok(SuccessBody.OK).build();
    }

    /** For services (auth-lib polls it): revocations recorded since the cursor of the previous page. */
    @GET
    @Path("/revocations")
    @RolesAllowed({Caller.SERVICE_ROLE, Caller.ADMIN_ROLE})
    public RevocationsPage list(@QueryParam("since") @DefaultValue("0") long since) {
        return revocations.since(since);
    }

    private JsonWebToken userToken() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getTokenID() != null) {
            return jwt;
        }
        throw ApiException.badRequest("Only a user token can be logged out");
    }
}
