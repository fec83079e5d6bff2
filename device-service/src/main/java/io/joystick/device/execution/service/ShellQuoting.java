package io.joystick.device.execution.service;

import java.util.Objects;

/** POSIX shell quoting: the result is always one literal word, whatever the value contains. */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /**
     * Wraps the value in single quotes, the only quoting inside which nothing is special; an embedded
     * {@code '} becomes {@code '\''} (close, escaped quote, reopen).
     *
     * @throws IllegalArgumentException when the value contains a NUL, which no shell argument can carry
     */
    public static String quote(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A NUL character cannot be passed through a shell argument");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
