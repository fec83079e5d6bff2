package io.joystick.switcher.device.client;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.device.DeviceAllowList;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;

/**
 * Allow-lists for {@code DeviceAccess.check}, asked of device-service ({@code GET /api/devices/{id}/allow})
 * and kept for a few seconds (quarkus.cache.caffeine."device-allow"). device-service tells us when one
 * changes ({@link #forget}), so a removed user loses access at once; the expiry is the fallback.
 */
@ApplicationScoped
public class DeviceServiceAllowList implements DeviceAllowList {

    static final String CACHE = "device-allow";

    private final DeviceServiceClient devices;

    public DeviceServiceAllowList(DeviceServiceClient devices) {
        this.devices = devices;
    }

    @Override
    @CacheResult(cacheName = CACHE)
    public Optional<Set<String>> allowed(String deviceId) {
        return devices.allowed(deviceId);
    }

    /** Drops the cached allow-list of the device; the next check asks device-service again. */
    @CacheInvalidate(cacheName = CACHE)
    public void forget(String deviceId) {
    }
}
