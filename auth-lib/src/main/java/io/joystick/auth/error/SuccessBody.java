package io.joystick.auth.error;

/** The answer of an operation that has nothing else to say: {@code {"success": true}}. */
public record SuccessBody(boolean success) {

    public static final SuccessBody OK = new SuccessBody(true);
}
