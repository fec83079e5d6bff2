package io.joystick.authservice.user;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.authservice.config.AuthServiceConfig;
import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt, with a dummy check for unknown users so that they take as long as a wrong password. */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt reads 72 bytes; longer passwords would be silently truncated, so they are refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(AuthServiceConfig config) {
        this.cost = config.bcryptCost();
        this.dummyHash = BcryptUtil.bcryptHash("not-a-real-password", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        if (password == null || tooLong(password)) {
            BcryptUtil.matches("", dummyHash);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of a real check, for identities that do not exist. */
    public void burnTime(String password) {
        BcryptUtil.matches(password == null || tooLong(password) ? "" : password, dummyHash);
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
