package io.joystick.auth.revocation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The revocations this instance knows of; consulted for every JWT it accepts. */
@ApplicationScoped
public class RevocationList {

    private final Map<String, Long> userNotBefore = new ConcurrentHashMap<>();
    private final Map<String, Long> revokedTokens = new ConcurrentHashMap<>();

    public boolean isRevoked(String userId, String jti, long issuedAt) {
        if (jti != null && revokedTokens.containsKey(jti)) {
            return true;
        }
        Long notBefore = userId == null ? null : userNotBefore.get(userId);
        return notBefore != null && issuedAt < notBefore;
    }

    public void apply(RevocationsPage page) {
        if (page.users() != null) {
            page.users().forEach(u -> revokeUser(u.userId(), u.notBefore()));
        }
        if (page.tokens() != null) {
            page.tokens().forEach(t -> revokeToken(t.jti(), t.expiresAt()));
        }
        forgetExpired(System.currentTimeMillis() / 1000);
    }

    public void revokeUser(String userId, long notBefore) {
        userNotBefore.merge(userId, notBefore, Math::max);
    }

    public void revokeToken(String jti, long expiresAt) {
        revokedTokens.merge(jti, expiresAt, Math::max);
    }

    void forgetExpired(long nowSeconds) {
        revokedTokens.values().removeIf(expiresAt -> expiresAt < nowSeconds);
    }
}
