package io.joystick.switcher.device.client;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.device.DeviceAllowList;
import io.quarkus.cache.CacheResult;

/**
 * Allow-lists for {@code DeviceAccess.check}, asked of device-service ({@code GET /api/devices/{id}/allow})
 * and kept for a few seconds (quarkus.cache.caffeine."device-allow"), so a removed user loses access
 * within that time.
 */
@ApplicationScoped
public class DeviceServiceAllowList implements DeviceAllowList {

    private final DeviceServiceClient devices;

    public DeviceServiceAllowList(DeviceServiceClient devices) {
        this.devices = devices;
    }

    @Override
    @CacheResult(cacheName = "device-allow")
    public Optional<Set<String>> allowed(String deviceId) {
        return devices.allowed(deviceId);
    }
}
