package io.joystick.auth.origin;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where browsers load the console from: {@code JOYSTICK_PUBLIC_ORIGINS}, comma-separated. */
@ConfigMapping(prefix = "joystick")
public interface PublicOriginsConfig {

    /** Scheme, host and port as a browser sends them in {@code Origin}, e.g. {@code https://joystick.example.com}. */
    @WithDefault("http://localhost:8088,http://127.0.0.1:8088")
    List<String> publicOrigins();
}
