package io.joystick.auth.server.token.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.permission.Caller;
import io.joystick.auth.server.token.service.SigningKeyService;

@Path("/api/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class AdminKeyResource {

    private final SigningKeyService signingKeys;

    public AdminKeyResource(SigningKeyService signingKeys) {
        this.signingKeys = signingKeys;
    }

    /** New tokens are signed with a new key; the old public key stays in the JWKS until its tokens expire. */
    @POST
    @Path("/rotate")
    public RotatedKey rotate() {
        return new RotatedKey(true, signingKeys.rotate());
    }

    /** The new signing key's id. */
    public record RotatedKey(boolean success, String kid) {
    }
}
