package io.joystick.device.execution;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LocalExecutor {
    public CommandResult run(String command, Duration timeout, long outputLimit) {
        throw new UnsupportedOperationException("stub");
    }
}
