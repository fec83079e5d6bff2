package io.joystick.auth.error;

import jakarta.ws.rs.ProcessingException;

/**
 * A dependency could not be reached; still a {@link ProcessingException}, so retries apply, but it names it
 * ({@link DependencyErrorMappers} answers 503 {@code <dependency> is unreachable}).
 */
public class DependencyUnreachable extends ProcessingException {

    private final String dependency;

    public DependencyUnreachable(String dependency, Throwable cause) {
        super(dependency + " is unreachable: " + cause.getMessage(), cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
