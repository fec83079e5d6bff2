package io.joystick.device.execution;

public class DeviceUnreachableException extends ExecutionException {
    public DeviceUnreachableException(String message) { super(message); }
}
