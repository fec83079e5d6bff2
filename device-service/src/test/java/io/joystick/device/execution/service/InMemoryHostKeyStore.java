package io.joystick.device.execution.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pins kept in memory per device and address, for tests. */
public final class InMemoryHostKeyStore implements HostKeyStore {

    private final Map<String, String> pins = new ConcurrentHashMap<>();

    @Override
    public Optional<String> pinned(SshTarget target) {
        return Optional.ofNullable(pins.get(key(target)));
    }

    @Override
    public String pin(SshTarget target, String publicKeyOpenSshLine) {
        String earlier = pins.putIfAbsent(key(target), publicKeyOpenSshLine);
        return earlier == null ? publicKeyOpenSshLine : earlier;
    }

    int size() {
        return pins.size();
    }

    void clear(String deviceId) {
        pins.keySet().removeIf(key -> key.startsWith(deviceId + "@"));
    }

    private static String key(SshTarget target) {
        return target.deviceId() + "@" + target.host() + ":" + target.port();
    }
}
