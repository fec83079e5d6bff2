package io.joystick.device.execution.service;

import java.util.Objects;

/**
 * Where and as whom to run a command over SSH.
 *
 * @param password      nullable
 * @param privateKeyPem nullable; an unencrypted key in OpenSSH (openssh-key-v1) or PEM format
 */
public record SshTarget(String deviceId, String host, int port, String user, String password, String privateKeyPem) {

    public SshTarget {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    boolean hasPrivateKey() {
        return privateKeyPem != null && !privateKeyPem.isBlank();
    }

    /** Never prints the secrets: records would otherwise put them in every log line. */
    @Override
    public String toString() {
        return "SshTarget[deviceId=" + deviceId + ", " + user + "@" + host + ":" + port
                + ", password=" + (hasPassword() ? "***" : "none")
                + ", key=" + (hasPrivateKey() ? "***" : "none") + "]";
    }
}
