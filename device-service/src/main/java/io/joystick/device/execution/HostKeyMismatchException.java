package io.joystick.device.execution;

public class HostKeyMismatchException extends ExecutionException {
    public HostKeyMismatchException(String message) { super(message); }
}
