package io.joystick.device.execution.service;

/** No SSH session could be established: connection refused, timed out, or the handshake failed. */
public class DeviceUnreachableException extends ExecutionException {

    public DeviceUnreachableException(String message) {
        super(message);
    }

    public DeviceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
