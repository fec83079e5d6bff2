package io.joystick.device.accesscache.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which services cache allow-lists, named by their REST client configuration key, and how long a call may take. */
@ConfigMapping(prefix = "joystick.device-access")
public interface AccessCacheConfig {

    /** Each peer's URL is its {@code quarkus.rest-client.<peer>.url}. */
    @WithDefault("notification-service,switcher,fleet-service")
    List<String> peers();

    @WithDefault("5s")
    Duration timeout();
}
