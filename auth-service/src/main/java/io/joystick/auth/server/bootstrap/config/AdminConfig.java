package io.joystick.auth.server.bootstrap.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** JOYSTICK_ADMIN_EMAIL / JOYSTICK_ADMIN_PASSWORD live directly under {@code joystick.}. */
@ConfigMapping(prefix = "joystick")
public interface AdminConfig {
    @WithDefault("admin@joystick.local")
    String adminEmail();

    Optional<String> adminPassword();
}
