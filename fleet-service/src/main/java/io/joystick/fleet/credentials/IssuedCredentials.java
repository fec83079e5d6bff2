package io.joystick.fleet.credentials;

/** A device's new broker account, shown once: the password is not kept anywhere readable afterwards. */
public record IssuedCredentials(String deviceId, String username, String password, String url, String env) {
}
