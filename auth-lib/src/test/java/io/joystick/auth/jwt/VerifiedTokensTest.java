package io.joystick.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {

    @Test
    void remembersAVerifiedTokenUntilItExpires() {
        VerifiedTokens cache = new VerifiedTokens();
        VerifiedTokens.Verified live = expiringAt(System.currentTimeMillis() / 1000 + 600);
        cache.put("live", live);
        assertSame(live, cache.get("live"));
        assertNull(cache.get("never-verified"));
    }

    @Test
    void forgetsAnExpiredToken() {
        VerifiedTokens cache = new VerifiedTokens();
        cache.put("old", expiringAt(System.currentTimeMillis() / 1000 - 1));
        assertNull(cache.get("old"));
    }

    @Test
    void staysBoundedWhenFull() {
        VerifiedTokens cache = new VerifiedTokens();
        VerifiedTokens.Verified verified = expiringAt(System.currentTimeMillis() / 1000 + 600);
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            cache.put("token-" + i, verified);
        }
        assertNull(cache.get("token-0"), "the cache must have been emptied rather than grow");
        assertSame(verified, cache.get("token-" + VerifiedTokens.MAX_ENTRIES));
    }

    private static VerifiedTokens.Verified expiringAt(long exp) {
        return new VerifiedTokens.Verified(
                QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u")).build(),
                "u", "jti", exp - 3600, exp);
    }
}
