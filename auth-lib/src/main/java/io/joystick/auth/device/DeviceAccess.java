package io.joystick.auth.device;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** The per-device allow-list check of docs/architecture.md#2-auth-lib. */
@ApplicationScoped
public class DeviceAccess {

    private final DeviceAllowList allowList;

    public DeviceAccess(DeviceAllowList allowList) {
        this.allowList = allowList;
    }

    /**
     * Passes for admins, services and users on the device's allow-list; 401 for anonymous callers,
     * 404 for an unknown device, 403 otherwise.
     */
    public void check(SecurityIdentity identity, String deviceId) {
        Caller caller = Caller.require(identity);
        Set<String> allowed = allowList.allowed(deviceId)
                .orElseThrow(() -> ApiException.notFound("Device not found: " + deviceId));
        if (!allows(caller, allowed)) {
            throw ApiException.forbidden(ErrorBody.DEVICE_ACCESS_DENIED);
        }
    }

    public boolean allows(Caller caller, String deviceId) {
        return caller != null && (caller.privileged()
                || allowList.allowed(deviceId).map(ids -> allows(caller, ids)).orElse(false));
    }

    /** The rule itself, for a caller that already holds the device's allowed users (no lookup). */
    public static boolean allows(Caller caller, Set<String> allowed) {
        return caller != null && (caller.privileged() || allowed.contains(caller.id()));
    }
}
