package io.joystick.auth.server.user.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Argon2id cost of new password hashes; the defaults are OWASP's recommended minimum. */
@ConfigMapping(prefix = "joystick.auth.argon2")
public interface Argon2Config {
    @WithDefault("19456")
    int memoryKib();

    @WithDefault("2")
    int iterations();

    @WithDefault("1")
    int parallelism();
}
