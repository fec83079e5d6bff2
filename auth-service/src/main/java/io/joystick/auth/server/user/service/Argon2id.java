package io.joystick.auth.server.user.service;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jboss.logging.Logger;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

/**
 * The Argon2id function (version 1.3). Computed by the reference C implementation through argon2-jvm where
 * its bundled library loads (≈40 ms for OWASP's minimum cost here), else by BouncyCastle's Java
 * implementation (≈105 ms): the logins/s one instance sustains depends on it. Both give the same bytes.
 */
final class Argon2id {

    private static final Logger LOG = Logger.getLogger(Argon2id.class);
    private static final Argon2Advanced NATIVE = loadNative();

    private Argon2id() {
    }

    static byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        if (NATIVE != null && password.length > 0) { // JNA cannot pass an empty buffer
            return NATIVE.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null, length,
                    Argon2Version.V13);
        }
        return inJava(password, salt, memoryKib, iterations, parallelism, length);
    }

    static boolean isNative() {
        return NATIVE != null;
    }

    static byte[] inJava(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static Argon2Advanced loadNative() {
        try {
            Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
            argon2.rawHashAdvanced(1, 8, 1, new byte[1], new byte[8], null, null, 32, Argon2Version.V13);
            return argon2;
        } catch (LinkageError | RuntimeException e) {
            LOG.warnf("The native Argon2 library does not load here (%s); using BouncyCastle's Java implementation, "
                    + "about 2.5 times slower per login", e.toString());
            return null;
        }
    }
}
