package io.joystick.auth.jwt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Tokens whose signature and claims were already verified, with the identity built from them. A browser
 * session sends the same token on every request; remembering it spares each one the RSA check and the
 * claim parsing (most of the cost of an authenticated request). Expiry is checked again on every use,
 * revocation by the caller. Only verified tokens get in, so an attacker cannot fill it with anything
 * but real tokens; it is simply emptied when full.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    /** What a request needs from a verified token: its identity, and what revocation is checked against. */
    public record Verified(SecurityIdentity identity, String subject, String tokenId, long issuedAt, long expiresAt) {
    }

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();

    public Verified get(String token) {
        Verified verified = tokens.get(token);
        if (verified != null && verified.expiresAt() <= System.currentTimeMillis() / 1000) {
            tokens.remove(token);
            return null;
        }
        return verified;
    }

    public void put(String token, Verified verified) {
        if (tokens.size() >= MAX_ENTRIES) {
            tokens.clear();
        }
        tokens.put(token, verified);
    }
}
