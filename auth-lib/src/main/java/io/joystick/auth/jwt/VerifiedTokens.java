package io.joystick.auth.jwt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature and claims were already verified. A browser session sends the same token on
 * every request; remembering it spares each one the RSA check (most of the cost of an authenticated
 * request). Expiry is checked again on every use, revocation by the caller. Only verified tokens get
 * in, so an attacker cannot fill it with anything but real tokens; it is simply emptied when full.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, JsonWebToken> tokens = new ConcurrentHashMap<>();

    public JsonWebToken get(String token) {
        JsonWebToken jwt = tokens.get(token);
        if (jwt != null && jwt.getExpirationTime() <= System.currentTimeMillis() / 1000) {
            tokens.remove(token);
            return null;
        }
        return jwt;
    }

    public void put(String token, JsonWebToken jwt) {
        if (tokens.size() >= MAX_ENTRIES) {
            tokens.clear();
        }
        tokens.put(token, jwt);
    }
}
