package io.joystick.auth.server.session.rest;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import io.joystick.auth.origin.CrossOriginGuard;
import io.joystick.auth.origin.SameOrigin;
import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.login.rest.AuthRecord;
import io.joystick.auth.server.login.service.DeviceCookies;
import io.joystick.auth.server.login.service.LoginService;
import io.joystick.auth.server.revocation.service.RevocationService;
import io.joystick.auth.server.session.service.SessionCookies;
import io.joystick.auth.server.user.service.EmailAddress;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The browser console's session: the token lives only in the HttpOnly {@code joystick_session} cookie, never
 * in a body a script could read. Login has the PocketBase login's throttling (device cookie included), audit
 * and messages, in the suite's error shape.
 */
@Path("/api/auth/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final String FAILED = "Failed to authenticate.";

    private final LoginService logins;
    private final SessionCookies cookies;
    private final SameOrigin sameOrigin;
    private final RevocationService revocations;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final DeviceCookies devices;

    public SessionResource(LoginService logins, SessionCookies cookies, SameOrigin sameOrigin,
            RevocationService revocations, AuditLog audit, SecurityIdentity identity, DeviceCookies devices) {
        this.devices = devices;
        this.logins = logins;
        this.cookies = cookies;
        this.sameOrigin = sameOrigin;
        this.revocations = revocations;
        this.audit = audit;
        this.identity = identity;
    }

    /** Logs in and sets the cookie; answers the user record. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Logged in: the user, and the session cookie",
            content = @Content(schema = @Schema(implementation = AuthRecord.class)))
    public Response login(@Valid @NotNull SessionLogin login, @CookieParam(DeviceCookies.NAME) String deviceCookie,
            @Context HttpServerRequest request) {
        // Login CSRF: another site must not sign the victim's browser in to the attacker's account.
        if (sameOrigin.refutedBy(request)) {
            throw ApiException.forbidden(CrossOriginGuard.REFUSED);
        }
        if (!EmailAddress.isValid(login.identity())) {
            throw ApiException.badRequest("identity must be a valid email address");
        }
        LoginService.Outcome outcome =
                logins.login(login.identity(), login.password(), ClientAddress.of(request), deviceCookie);
        if (outcome instanceof LoginService.Success success) {
            return Response.fromResponse(withCookie(success.auth(), request))
                    .cookie(devices.cookie(success.deviceCookie())).build();
        }
        if (outcome instanceof LoginService.Throttled throttled) {
            return Response.fromResponse(ErrorBody.response(429, "Too many failed attempts, try again later."))
                    .header("Retry-After", throttled.retryAfterSeconds()).build();
        }
        return ErrorBody.response(400, FAILED);
    }

    /** A new token in a new cookie, for a session that is still valid. */
    @POST
    @Path("/refresh")
    @Authenticated
    @APIResponse(responseCode = "200", description = "The user, and a new session cookie",
            content = @Content(schema = @Schema(implementation = AuthRecord.class)))
    public Response refresh(@Context HttpServerRequest request) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
            throw ApiException.badRequest("Only a user session can be refreshed");
        }
        Optional<AuthRecord.WithToken> refreshed = logins.refresh(jwt.getSubject(), ClientAddress.of(request));
        return refreshed.map(auth -> withCookie(auth, request))
                .orElseGet(() -> Response.fromResponse(ErrorBody.unauthorized())
                        .header(HttpHeaders.SET_COOKIE, cookies.cleared(request)).build());
    }

    /**
     * Logs out: revokes the session's token and clears the cookie. A missing, expired or revoked session
     * still gets its cookie cleared.
     */
    @DELETE
    @APIResponse(responseCode = "200", description = "Logged out; the cookie is cleared",
            content = @Content(schema = @Schema(implementation = SuccessBody.class)))
    public Response logout(@Context HttpServerRequest request) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                && jwt.getTokenID() != null) {
            revocations.revokeToken(jwt.getSubject(), jwt.getTokenID(), jwt.getExpirationTime());
            audit.record(AuditEvent.Type.LOGOUT, jwt.getSubject(), jwt.getSubject(), ClientAddress.of(request),
                    "browser session");
        }
        return Response.ok(SuccessBody.OK).header(HttpHeaders.SET_COOKIE, cookies.cleared(request))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Response withCookie(AuthRecord.WithToken auth, HttpServerRequest request) {
        return Response.ok(auth.record()).header(HttpHeaders.SET_COOKIE, cookies.holding(auth.token(), request))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
