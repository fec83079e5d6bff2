package io.joystick.device.registry.service;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.device.DeviceAllowList;
import io.joystick.device.registry.repository.Device;
import io.joystick.device.registry.repository.DeviceRepository;

/**
 * auth-lib's allow-list lookup, answered from this service's own table ({@link Device#allowedUsers()}: the owner
 * counts as allowed). auth-lib's {@code DeviceAccess} over it is the one access rule of this service: REST reads
 * and listings ({@link DeviceService#canSee}) use it as runs, terminals, pings and logs do.
 */
@ApplicationScoped
public class DatabaseDeviceAllowList implements DeviceAllowList {

    private final DeviceRepository devices;

    public DatabaseDeviceAllowList(DeviceRepository devices) {
        this.devices = devices;
    }

    @Override
    @Transactional
    public Optional<Set<String>> allowed(String deviceId) {
        return devices.findByIdOptional(deviceId).map(Device::allowedUsers);
    }
}
