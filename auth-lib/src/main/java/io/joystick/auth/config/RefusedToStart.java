package io.joystick.auth.config;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A service that must not start as configured (the default API key in production, no secret key, a bad admin
 * email, …). Quarkus prints the message of a {@link ConfigurationException} that ends a start as one line on
 * stderr, without a stack trace: the operator reads what to set, not where in the code it was noticed.
 */
public class RefusedToStart extends ConfigurationException {

    public RefusedToStart(String message) {
        super(message.startsWith("Refusing to start") ? message : "Refusing to start: " + message);
    }
}
