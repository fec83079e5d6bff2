package io.joystick.device.terminal.service;

import io.quarkus.websockets.next.CloseReason;

/**
 * The close codes of {@code /api/terminal/{device}} (4000-4999 is the application's range); the reason
 * says the same in words. Listed in device-service's README.
 */
public final class TerminalClose {

    static final int SHELL_EXITED = 1000;
    static final int SHUTDOWN = 1001;
    public static final int BAD_REQUEST = 4400;
    static final int CREDENTIAL_LAPSED = 4401;
    public static final int ACCESS_LOST = 4403;
    static final int UNKNOWN_SESSION = 4404;
    static final int IDLE = 4408;
    static final int TOO_LONG = 4409;
    static final int TOO_MANY = 4429;
    public static final int DEVICE_FAILED = 4502;
    static final int CONNECTION_CHANGED = 4503;

    public static CloseReason of(int code, String reason) {
        // a close frame's reason is at most 123 bytes
        return new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason);
    }

    private TerminalClose() {
    }
}
