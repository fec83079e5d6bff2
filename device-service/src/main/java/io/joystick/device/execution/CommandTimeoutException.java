package io.joystick.device.execution;

public class CommandTimeoutException extends ExecutionException {
    public CommandTimeoutException(String message) { super(message); }
}
