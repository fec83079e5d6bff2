package io.joystick.device.execution;

public record SshTarget(String deviceId, String host, int port, String user, String password, String privateKeyPem) {
}
