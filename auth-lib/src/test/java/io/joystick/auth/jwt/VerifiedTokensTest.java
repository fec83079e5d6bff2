package io.joystick.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    @Test
    void remembersAVerifiedTokenUntilItExpires() {
        VerifiedTokens cache = new VerifiedTokens();
        JsonWebToken live = expiringAt(System.currentTimeMillis() / 1000 + 600);
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
        JsonWebToken jwt = expiringAt(System.currentTimeMillis() / 1000 + 600);
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            cache.put("token-" + i, jwt);
        }
        assertNull(cache.get("token-0"), "the cache must have been emptied rather than grow");
        assertSame(jwt, cache.get("token-" + VerifiedTokens.MAX_ENTRIES));
    }

    private static JsonWebToken expiringAt(long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "user";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
            }
        };
    }
}
