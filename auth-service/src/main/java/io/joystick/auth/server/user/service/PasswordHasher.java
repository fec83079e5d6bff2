package io.joystick.auth.server.user.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.server.user.config.Argon2Config;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), at
 * OWASP's recommended minimum cost by default (as strong as bcrypt at cost 10), computed by {@link Argon2id}. bcrypt hashes
 * ({@code $2…}) are still accepted, and {@link #needsRehash} tells the caller to upgrade them.
 * Unknown users pay for a check too, against a dummy hash at the current cost, so they cannot be told apart by
 * timing. Every check is counted in {@code joystick_auth_password_checks_total}, tagged with the cost it paid.
 */
@ApplicationScoped
public class PasswordHasher {

    /** Longer passwords are refused: nobody types them, and they only cost CPU. */
    public static final int MAX_PASSWORD_BYTES = 256;

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String CHECKS = "joystick.auth.password.checks";

    private final Argon2Config cost;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;
    private final MeterRegistry registry;

    public PasswordHasher(Argon2Config cost, MeterRegistry registry) {
        this.cost = cost;
        this.registry = registry;
        this.dummyHash = hash("not-a-real-password");
    }

    /** The cost tag of a check at the configured Argon2id cost, as {@link #checks} counts it. */
    public String currentCost() {
        return costTag(cost.memoryKib(), cost.iterations(), cost.parallelism());
    }

    /** The password checks paid at {@code cost} ({@link #currentCost()}, another Argon2id cost, or {@code bcrypt}). */
    public double checks(String cost) {
        Counter counter = registry.find(CHECKS).tag("cost", cost).counter();
        return counter == null ? 0 : counter.count();
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, cost.memoryKib(), cost.iterations(), cost.parallelism(), HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public boolean matches(String password, String stored) {
        if (password == null || tooLong(password) || stored == null) {
            burnTime(null);
            return false;
        }
        if (stored.startsWith("$2")) {
            counted("bcrypt");
            return BcryptUtil.matches(password, stored);
        }
        return argon2Matches(password, stored);
    }

    /** Spends the time of a real check, for identities that do not exist. */
    public void burnTime(String password) {
        argon2Matches(password == null || password.isEmpty() || tooLong(password) ? "not-a-real-password" : password,
                dummyHash);
    }

    /** True when the stored hash is not Argon2id at the current cost (a bcrypt hash, or older parameters). */
    public boolean needsRehash(String stored) {
        return !stored.startsWith("$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$");
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    private void counted(String cost) {
        Counter.builder(CHECKS).description("Password hash checks (logins, unknown identities included), by cost")
                .tag("cost", cost).register(registry).increment();
    }

    private static String costTag(int memoryKib, int iterations, int parallelism) {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }

    private boolean argon2Matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String parameter : parts[3].split(",")) {
            int value = Integer.parseInt(parameter.substring(2));
            switch (parameter.charAt(0)) {
                case 'm' -> memory = value;
                case 't' -> iterations = value;
                case 'p' -> parallelism = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] expected = B64D.decode(parts[5]);
        counted(costTag(memory, iterations, parallelism));
        byte[] actual = argon2(password, B64D.decode(parts[4]), memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        return Argon2id.hash(password.getBytes(StandardCharsets.UTF_8), salt, memoryKib, iterations, parallelism,
                length);
    }
}
