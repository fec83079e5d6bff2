package io.joystick.device.execution.service;

import java.time.Duration;

import io.joystick.device.execution.config.SshConfig;

/** {@link SshConfig} with its documented defaults, adjustable per test. */
public record TestSshConfig(Duration connectTimeout, Duration authTimeout, int maxConcurrentPerDevice,
        Duration idleTimeout)
        implements
            SshConfig {

    public static TestSshConfig defaults() {
        return new TestSshConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), 4, Duration.ofMinutes(10));
    }

    TestSshConfig withMaxConcurrentPerDevice(int max) {
        return new TestSshConfig(connectTimeout, authTimeout, max, idleTimeout);
    }

    TestSshConfig withIdleTimeout(Duration idle) {
        return new TestSshConfig(connectTimeout, authTimeout, maxConcurrentPerDevice, idle);
    }

    TestSshConfig withConnectTimeout(Duration connect) {
        return new TestSshConfig(connect, authTimeout, maxConcurrentPerDevice, idleTimeout);
    }

    TestSshConfig withAuthTimeout(Duration auth) {
        return new TestSshConfig(connectTimeout, auth, maxConcurrentPerDevice, idleTimeout);
    }
}
