package io.joystick.device.device;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.device.DeviceAllowList;

/** auth-lib's allow-list lookup, answered from this service's own table. The owner counts as allowed. */
@ApplicationScoped
public class DatabaseDeviceAllowList implements DeviceAllowList {

    private final DeviceRepository devices;

    public DatabaseDeviceAllowList(DeviceRepository devices) {
        this.devices = devices;
    }

    @Override
    @Transactional
    public Optional<Set<String>> allowed(String deviceId) {
        return devices.findByIdOptional(deviceId).map(device -> {
            Set<String> allowed = new HashSet<>(device.allow);
            if (device.owner != null) {
                allowed.add(device.owner);
            }
            return allowed;
        });
    }
}
