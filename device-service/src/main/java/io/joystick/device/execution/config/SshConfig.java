package io.joystick.device.execution.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "joystick.ssh")
public interface SshConfig {

    /** TCP connect to the device. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Key exchange and login, after the TCP connection is up. */
    @WithDefault("5s")
    Duration authTimeout();

    /** Channels (commands) running at once on one device; further runs wait within their timeout. */
    @WithDefault("4")
    int maxConcurrentPerDevice();

    /** Pooled sessions unused for longer than this are closed. */
    @WithDefault("10m")
    Duration idleTimeout();
}
