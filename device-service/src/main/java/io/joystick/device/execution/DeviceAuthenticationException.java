package io.joystick.device.execution;

public class DeviceAuthenticationException extends ExecutionException {
    public DeviceAuthenticationException(String message) { super(message); }
}
