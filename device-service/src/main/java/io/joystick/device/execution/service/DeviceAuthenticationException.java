package io.joystick.device.execution.service;

/** The device refused the configured credentials, or none usable are configured. */
public class DeviceAuthenticationException extends ExecutionException {

    public DeviceAuthenticationException(String message) {
        super(message);
    }
}
