package io.joystick.auth.server.user.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Argon2idTest {

    /** The argon2id v1.3 test vector of the reference implementation (phc-winner-argon2, src/test.c). */
    private static final String REFERENCE = "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7";

    @Test
    void givesTheReferenceImplementationsTestVector() {
        byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = "somesalt".getBytes(StandardCharsets.US_ASCII);
        assertEquals(REFERENCE, HexFormat.of().formatHex(Argon2id.hash(password, salt, 65536, 2, 1, 32)));
        assertEquals(REFERENCE, HexFormat.of().formatHex(Argon2id.inJava(password, salt, 65536, 2, 1, 32)));
    }

    @Test
    void nativeAndJavaImplementationsAgreeSoStoredHashesVerifyWithEither() {
        Random random = new Random(42);
        for (int length : new int[] {16, 32, 64}) {
            byte[] password = new byte[1 + random.nextInt(40)];
            byte[] salt = new byte[16];
            random.nextBytes(password);
            random.nextBytes(salt);
            int memory = 8 * (1 + random.nextInt(64));
            int iterations = 1 + random.nextInt(3);
            assertArrayEquals(Argon2id.inJava(password, salt, memory, iterations, 1, length),
                    Argon2id.hash(password, salt, memory, iterations, 1, length), "m=" + memory + " t=" + iterations);
        }
    }

    @Test
    void usesTheNativeLibraryOnLinuxX86() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));
        assertTrue(Argon2id.isNative(),
                "argon2-jvm bundles libargon2 for linux-x86-64; logins are 2.5x slower without it");
    }
}
