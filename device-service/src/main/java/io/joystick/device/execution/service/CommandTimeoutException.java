package io.joystick.device.execution.service;

/** The command (or the wait for a free channel to its device) did not finish within its timeout. */
public class CommandTimeoutException extends ExecutionException {

    public CommandTimeoutException(String message) {
        super(message);
    }
}
