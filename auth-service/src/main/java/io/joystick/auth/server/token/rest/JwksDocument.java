package io.joystick.auth.server.token.rest;

import java.util.List;

/** The shape of {@code /.well-known/jwks.json} (written by jose4j), for the OpenAPI document. */
public record JwksDocument(List<JsonWebKey> keys) {

    /** One RSA public key: {@code n} and {@code e} base64url-encoded. */
    public record JsonWebKey(String kty, String kid, String use, String alg, String n, String e) {
    }
}
