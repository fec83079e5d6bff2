package io.joystick.auth.server.token.rest;

import java.security.interfaces.RSAPublicKey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import io.joystick.auth.server.token.service.SigningKeyService;

@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeyService signingKeys;

    public JwksResource(SigningKeyService signingKeys) {
        this.signingKeys = signingKeys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The public keys tokens are verified with (RFC 7517)",
            content = @Content(schema = @Schema(implementation = JwksDocument.class)))
    public Response jwks() {
        JsonWebKeySet set = new JsonWebKeySet();
        signingKeys.publicKeys().forEach((kid, key) -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key);
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            set.addJsonWebKey(jwk);
        });
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(set.toJson()).cacheControl(cache).build();
    }
}
