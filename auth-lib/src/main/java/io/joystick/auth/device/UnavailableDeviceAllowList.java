package io.joystick.auth.device;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.error.ApiException;
import io.quarkus.arc.DefaultBean;

/**
 * Used by services that check no device access; a service that does provides its own
 * {@link DeviceAllowList} (device-service from its database, the others through its REST API).
 */
@DefaultBean
@ApplicationScoped
public class UnavailableDeviceAllowList implements DeviceAllowList {

    @Override
    public Optional<Set<String>> allowed(String deviceId) {
        throw new ApiException(503, "Device allow-lists are not available in this service");
    }
}
