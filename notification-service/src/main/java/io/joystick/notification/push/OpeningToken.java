package io.joystick.notification.push;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.joystick.auth.revocation.RevocationList;
import io.quarkus.security.identity.SecurityIdentity;

/** The JWT a connection was opened with, as the revocation list knows tokens: its user, id and issue time. */
record OpeningToken(String subject, String tokenId, long issuedAt) {

    /** @return null for a credential that cannot be revoked (an API key) */
    static OpeningToken of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return new OpeningToken(jwt.getSubject(), jwt.getTokenID(), jwt.getIssuedAtTime());
        }
        return null;
    }

    boolean revokedIn(RevocationList revocations) {
        return revocations.isRevoked(subject, tokenId, issuedAt);
    }
}
