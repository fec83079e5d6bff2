package io.joystick.auth.jwt;

import java.security.PublicKey;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a JWT with SmallRye JWT against the key its {@code kid} names: signature, RS256 only,
 * {@code exp}/{@code nbf}, {@code iss} and {@code aud} (the last four from the {@code mp.jwt.verify.*}
 * settings that auth-lib ships).
 */
@ApplicationScoped
public class TokenVerifier {

    /** A JWT is a few hundred bytes; anything this large is an attack or an accident. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** Same tolerance as {@code mp.jwt.verify.clock.skew}. */
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final JWTParser parser;
    private final VerificationKeys keys;

    public TokenVerifier(JWTParser parser, VerificationKeys keys) {
        this.parser = parser;
        this.keys = keys;
    }

    /** The key for this token when it is already known, so that verification needs no blocking call. */
    public Optional<PublicKey> cachedKey(String token) {
        return keys.cached(kid(token));
    }

    public JsonWebToken verify(String token) {
        String kid = kid(token);
        PublicKey key = keys.find(kid).orElseThrow(() -> new AuthenticationFailedException("Unknown signing key"));
        return verify(token, key);
    }

    public JsonWebToken verify(String token, PublicKey key) {
        JsonWebToken jwt;
        try {
            jwt = parser.verify(token, key);
        } catch (ParseException e) {
            throw new AuthenticationFailedException("Invalid token", e);
        }
        // jose4j leaves iat unchecked; a token "issued" in the future is forged or from a broken clock.
        if (jwt.getIssuedAtTime() > System.currentTimeMillis() / 1000 + CLOCK_SKEW_SECONDS) {
            throw new AuthenticationFailedException("Token issued in the future");
        }
        return jwt;
    }

    private static String kid(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new AuthenticationFailedException("Token too large");
        }
        if (!CanonicalToken.isCanonical(token)) {
            throw new AuthenticationFailedException("Malformed token");
        }
        try {
            String kid = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
            if (kid == null || kid.isBlank()) {
                throw new AuthenticationFailedException("Token has no key id");
            }
            return kid;
        } catch (JoseException | RuntimeException e) {
            if (e instanceof AuthenticationFailedException failed) {
                throw failed;
            }
            throw new AuthenticationFailedException("Malformed token");
        }
    }
}
