package io.joystick.auth.testapp;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.device.DeviceAllowList;

@ApplicationScoped
public class FixedDeviceAllowList implements DeviceAllowList {

    private static final Map<String, Set<String>> DEVICES = Map.of(
            "cam-1", Set.of("user-1"),
            "cam-2", Set.of("someone-else"));

    @Override
    public Optional<Set<String>> allowed(String deviceId) {
        return Optional.ofNullable(DEVICES.get(deviceId));
    }
}
