package io.joystick.fleet.access.service;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.fleet.ingest.service.Topic;
import io.joystick.fleet.reading.Sensor;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may read what of the fleet's telemetry: each sensor behind its permission, each device behind its
 * allow-list (403 otherwise); an id that cannot be a device is 404.
 */
@ApplicationScoped
public class FleetAccess {

    private final DeviceAccess access;
    private final SecurityIdentity identity;

    public FleetAccess(DeviceAccess access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    public void checkDevice(String deviceId) {
        if (!Topic.DEVICE_ID.matcher(deviceId).matches()) {
            throw ApiException.notFound("Device not found: " + deviceId);
        }
        access.check(identity, deviceId);
    }

    /** Whether the caller may see the device (no exception: for lists). */
    public boolean allows(Caller caller, String deviceId) {
        return access.allows(caller, deviceId);
    }

    public Caller caller() {
        Caller caller = Caller.of(identity);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }

    public static void requirePermission(Caller caller, Sensor sensor) {
        if (!caller.has(sensor.permission())) {
            throw ApiException.forbidden(ErrorBody.MISSING_PERMISSIONS + sensor.permission());
        }
    }

    public static Sensor sensor(String key) {
        return Sensor.byKey(key).orElseThrow(() -> ApiException.notFound("Unknown sensor: " + key));
    }

    /** The sensors the caller's permissions cover: 401 when anonymous, 403 naming them all when none. */
    public Set<Sensor> permitted() {
        Caller caller = caller();
        Set<Sensor> sensors = EnumSet.noneOf(Sensor.class);
        for (Sensor sensor : Sensor.values()) {
            if (caller.has(sensor.permission())) {
                sensors.add(sensor);
            }
        }
        if (sensors.isEmpty()) {
            throw ApiException.forbidden(ErrorBody.MISSING_PERMISSIONS
                    + EnumSet.allOf(Sensor.class).stream().map(Sensor::permission).collect(Collectors.joining(", ")));
        }
        return sensors;
    }
}
