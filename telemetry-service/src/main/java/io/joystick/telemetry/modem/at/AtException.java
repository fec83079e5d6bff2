package io.joystick.telemetry.modem.at;

/** An AT command that failed: the modem refused it, did not answer in time, or the port is absent. */
public class AtException extends Exception {

    public enum Reason {
        /** ERROR, +CME ERROR or +CMS ERROR: the modem does not know or cannot do it. */
        REFUSED,
        TIMEOUT,
        /** The port is unplugged, or went away while the command was in flight. */
        UNAVAILABLE
    }

    private final Reason reason;

    public AtException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** A plain {@code ERROR}: the command is unknown to this modem (a {@code +CME ERROR} says it cannot do it now). */
    public boolean unknownCommand() {
        return reason == Reason.REFUSED && getMessage().endsWith(": ERROR");
    }
}
