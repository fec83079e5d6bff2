package io.joystick.telemetry.modem.at;

/** An AT command that failed: the modem answered ERROR / +CME ERROR, did not answer in time, or is absent. */
public class AtException extends Exception {

    public AtException(String message) {
        super(message, null, false, false);
    }
}
