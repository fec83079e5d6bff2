package io.joystick.auth.revocation;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether the credential a long-lived response (a Server-Sent Events stream, a WebSocket) was opened with
 * still holds: a token until it expires or is revoked; an API key as long as the service runs. Checked
 * against the principal captured when the response was opened (the request's identity is gone by then).
 */
@ApplicationScoped
public class CredentialLifetime {

    private final RevocationList revocations;

    public CredentialLifetime(RevocationList revocations) {
        this.revocations = revocations;
    }

    public boolean holds(Principal principal) {
        if (!(principal instanceof JsonWebToken token)) {
            return true;
        }
        return Instant.now().getEpochSecond() < token.getExpirationTime()
                && !revocations.isRevoked(token.getSubject(), token.getTokenID(), token.getIssuedAtTime());
    }

    /** How long until the token expires; empty for credentials that do not expire. */
    public Optional<Duration> remaining(Principal principal) {
        if (!(principal instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return Optional.empty();
        }
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
