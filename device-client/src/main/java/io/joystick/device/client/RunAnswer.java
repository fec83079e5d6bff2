package io.joystick.device.client;

/**
 * What device-service answered to a run: {@code status} 200 with the command's {@code output}, or its error
 * status with the {@code error} it gave (device-service's own codes: 500 the command exited non-zero, 502 the
 * device's host was unreachable, 504 the run timed out, 404 no such device or run, …).
 */
public record RunAnswer(int status, String output, String error) {

    public boolean succeeded() {
        return status == 200;
    }
}
