package io.joystick.auth.server.token.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "joystick.auth")
public interface TokenConfig {

    /** How long an issued token lives. */
    @WithDefault("24h")
    Duration tokenLifetime();
}
