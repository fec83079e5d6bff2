package io.joystick.auth.server.token.service;

import java.security.PublicKey;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.jwt.VerificationKeys;

/** auth-service verifies tokens against its own key store instead of fetching its own JWKS over HTTP. */
@ApplicationScoped
public class LocalVerificationKeys implements VerificationKeys {

    private static final long UNKNOWN_KID_RELOAD_INTERVAL_MS = 5_000;

    private final SigningKeyService signingKeys;
    private volatile long lastReload;

    public LocalVerificationKeys(SigningKeyService signingKeys) {
        this.signingKeys = signingKeys;
    }

    @Override
    public Optional<PublicKey> cached(String kid) {
        return Optional.ofNullable(signingKeys.publicKeys().get(kid));
    }

    @Override
    public Optional<PublicKey> find(String kid) {
        Optional<PublicKey> key = cached(kid);
        long now = System.currentTimeMillis();
        if (key.isEmpty() && now - lastReload > UNKNOWN_KID_RELOAD_INTERVAL_MS) {
            lastReload = now;
            signingKeys.reload(); // another instance may have rotated
            key = cached(kid);
        }
        return key;
    }
}
