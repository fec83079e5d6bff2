package io.joystick.switcher.common;

import jakarta.ws.rs.ProcessingException;

/** A dependency could not be reached; still a {@link ProcessingException}, so retries apply, but it names it. */
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
