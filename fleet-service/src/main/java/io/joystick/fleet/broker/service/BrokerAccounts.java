package io.joystick.fleet.broker.service;

/**
 * Per-device broker accounts: each may publish only under {@code joystick/devices/{its id}/} and subscribe to
 * nothing. Implemented by Mosquitto's dynamic-security plugin or by the embedded broker.
 */
public interface BrokerAccounts {

    /** Creates the device's account, or replaces its password (disconnecting the old session). */
    void createOrRotate(String deviceId, String username, String password);

    /** Deletes the device's account and disconnects it; nothing happens when there is none. */
    void revoke(String deviceId, String username);
}
