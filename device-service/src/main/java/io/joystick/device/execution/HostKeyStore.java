package io.joystick.device.execution;

import java.util.Optional;

public interface HostKeyStore {
    Optional<String> pinned(String deviceId);
    void pin(String deviceId, String publicKeyOpenSshLine);
}
