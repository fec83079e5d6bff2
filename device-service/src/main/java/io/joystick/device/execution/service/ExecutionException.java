package io.joystick.device.execution.service;

/**
 * A command could not be run to completion on its target. The subclasses tell why, so the REST
 * layer can answer 504 for a timeout and 502 for everything else (docs/architecture.md#4-device-service). Messages are safe to
 * return to clients: they never contain a password or a private key.
 */
public class ExecutionException extends RuntimeException {

    public ExecutionException(String message) {
        super(message);
    }

    public ExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
