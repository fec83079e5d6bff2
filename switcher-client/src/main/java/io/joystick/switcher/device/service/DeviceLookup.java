package io.joystick.switcher.device.service;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.error.ApiException;
import io.joystick.device.client.Device;
import io.joystick.device.client.DeviceServiceClient;
import io.quarkus.security.identity.SecurityIdentity;

/** A device named in a request: it exists (404 otherwise) and the caller is on its allow-list (403 otherwise). */
@ApplicationScoped
public class DeviceLookup {

    /** device-service's own rule for ids; anything else cannot be a device. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DeviceServiceClient devices;
    private final DeviceAccess access;

    public DeviceLookup(DeviceServiceClient devices, DeviceAccess access) {
        this.devices = devices;
        this.access = access;
    }

    public Device require(SecurityIdentity identity, String deviceId) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw ApiException.notFound(
                    "Device not found: " + (deviceId == null ? "" : deviceId.replaceAll("[^A-Za-z0-9_-]", "?")));
        }
        access.check(identity, deviceId);
        return devices.device(deviceId).orElseThrow(() -> ApiException.notFound("Device not found: " + deviceId));
    }
}
