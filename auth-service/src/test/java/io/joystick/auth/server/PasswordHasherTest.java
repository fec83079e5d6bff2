package io.joystick.auth.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.server.user.service.PasswordHasher;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;

@Tag("database")
@QuarkusTest
class PasswordHasherTest {

    @Inject
    PasswordHasher hasher;

    @Test
    void hashesWithArgon2idInPhcFormatAndASaltPerHash() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second);
        assertTrue(hasher.matches("correct horse battery", first));
        assertTrue(hasher.matches("correct horse battery", second));
        assertFalse(hasher.matches("correct horse batterY", first));
        assertFalse(hasher.needsRehash(first));
    }

    @Test
    void acceptsLegacyBcryptHashesAndAsksForARehash() {
        String bcrypt = BcryptUtil.bcryptHash("old password", 10);
        assertTrue(hasher.matches("old password", bcrypt));
        assertFalse(hasher.matches("other password", bcrypt));
        assertTrue(hasher.needsRehash(bcrypt));
    }

    @Test
    void refusesMalformedAndTamperedHashes() {
        String hash = hasher.hash("pw-pw-pw-pw");
        assertFalse(hasher.matches("pw-pw-pw-pw", hash.substring(0, hash.length() - 2) + "AA"));
        assertFalse(hasher.matches("pw-pw-pw-pw", "$argon2i$v=19$m=19456,t=2,p=1$abc$def"));
        assertFalse(hasher.matches("pw-pw-pw-pw", "plain"));
        assertFalse(hasher.matches("x".repeat(300), hash));
    }
}
