package io.joystick.auth.server.token.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.config.JoystickConfig;
import io.joystick.auth.server.revocation.service.RevocationService;
import io.joystick.auth.server.token.config.TokenConfig;
import io.joystick.auth.server.user.repository.User;
import io.smallrye.jwt.build.Jwt;

/** Signs the RS256 tokens of docs/architecture.md#3-auth-service. */
@ApplicationScoped
public class TokenIssuer {

    /** PocketBase's id for the users collection; the PocketBase SDK reads it from the token. */
    public static final String USERS_COLLECTION_ID = "_pb_users_auth_";

    private final SigningKeyService signingKeys;
    private final RevocationService revocations;
    private final JoystickConfig joystick;
    private final TokenConfig config;

    public TokenIssuer(SigningKeyService signingKeys, RevocationService revocations, JoystickConfig joystick,
            TokenConfig config) {
        this.signingKeys = signingKeys;
        this.revocations = revocations;
        this.joystick = joystick;
        this.config = config;
    }

    public String issue(User user) {
        // A revocation in this very second sets "not before" to the next second; a token issued after it
        // must not fall under it, so its iat moves up (well inside the verifiers' clock skew).
        long issuedAt = Math.max(Instant.now().getEpochSecond(), revocations.notBefore(user.id));
        return Jwt.issuer(joystick.jwt().issuer())
                .audience(joystick.jwt().audience())
                .subject(user.id)
                .upn(user.email)
                .claim("email", user.email)
                .claim("name", user.name)
                .claim("type", "auth")
                .claim("collectionId", USERS_COLLECTION_ID)
                .groups(user.groups())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + config.tokenLifetime().toSeconds())
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(signingKeys.signingKid())
                .sign(signingKeys.signingKey());
    }
}
