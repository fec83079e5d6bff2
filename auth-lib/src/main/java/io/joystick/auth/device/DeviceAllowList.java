package io.joystick.auth.device;

import java.util.Optional;
import java.util.Set;

/**
 * Where a device's allow-list is kept: device-service answers from its database, other services ask
 * device-service through a cached REST client.
 */
public interface DeviceAllowList {

    /** The user ids allowed on the device, or empty when no such device exists. */
    Optional<Set<String>> allowed(String deviceId);
}
