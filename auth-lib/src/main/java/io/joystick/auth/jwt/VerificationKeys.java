package io.joystick.auth.jwt;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Public keys that tokens may be signed with, looked up by {@code kid}. auth-lib fetches them from
 * auth-service's JWKS (or a file); auth-service itself answers from its own key store.
 */
public interface VerificationKeys {

    /** A key already in memory; never blocks. */
    Optional<PublicKey> cached(String kid);

    /** A key, refreshing the set (rate-limited) when the kid is unknown; may block. */
    Optional<PublicKey> find(String kid);
}
