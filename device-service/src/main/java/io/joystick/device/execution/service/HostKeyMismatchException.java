package io.joystick.device.execution.service;

/** The device presented a host key other than the one pinned on first contact. */
public class HostKeyMismatchException extends ExecutionException {

    public HostKeyMismatchException(String message) {
        super(message);
    }
}
