package io.joystick.auth.revocation;

import java.util.List;

/**
 * What auth-service answers on {@code GET /api/auth/revocations?since=}: user-wide "not before" times
 * (logout-all, password or permission change) and single revoked tokens (logout), plus the cursor to
 * ask with next time. Applying a page twice is harmless, so the server may overlap pages.
 */
public record RevocationsPage(long cursor, List<UserRevocation> users, List<TokenRevocation> tokens) {

    /** Tokens of this user issued before {@code notBefore} (epoch seconds) are dead. */
    public record UserRevocation(String userId, long notBefore) {
    }

    /** This token id is dead; it can be forgotten after {@code expiresAt} (epoch seconds). */
    public record TokenRevocation(String jti, long expiresAt) {
    }
}
