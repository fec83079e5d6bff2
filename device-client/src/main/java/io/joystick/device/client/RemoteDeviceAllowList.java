package io.joystick.device.client;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.device.DeviceAllowList;
import io.joystick.auth.error.ApiException;

/** auth-lib's allow-list lookup, answered by device-service. */
@ApplicationScoped
public class RemoteDeviceAllowList implements DeviceAllowList {

    private final DeviceServiceClient client;

    public RemoteDeviceAllowList(DeviceServiceClient client) {
        this.client = client;
    }

    /** @throws ApiException 503 when device-service cannot answer */
    @Override
    public Optional<Set<String>> allowed(String deviceId) {
        try {
            return client.allowList(deviceId);
        } catch (RuntimeException e) {
            throw new DeviceServiceUnavailableException(e);
        }
    }

    /** device-service did not answer (down, slow, or refused our key). */
    public static class DeviceServiceUnavailableException extends ApiException {

        private final String reason;

        public DeviceServiceUnavailableException(Throwable cause) {
            super(503, "Device service unavailable: cannot check the device's allow-list");
            this.reason = cause.getClass().getSimpleName();
        }

        /** The kind of failure, for a log line (never a message that could carry a URL with a credential). */
        public String reason() {
            return reason;
        }
    }
}
