package io.joystick.device.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service presents itself to device-service. */
@ConfigMapping(prefix = "joystick.device-client")
public interface DeviceClientConfig {

    /** This service as a refusal of its API key names it: {@code device-service refused <name>'s API key (401)}. */
    @WithDefault("${quarkus.application.name}")
    String callerName();
}
