package io.joystick.console.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "joystick.console")
public interface ConsoleConfig {

    Proxy proxy();

    /** Base URL of each service, by the name routes.yaml uses. */
    Map<String, String> services();

    interface Proxy {
        /** Forward the API paths to the services (local one-origin mode); Traefik does it in production. */
        @WithDefault("false")
        boolean enabled();

        /** Longest a forwarded request may take: an action runs for up to 10 minutes. */
        @WithDefault("660")
        Duration timeout();
    }
}
