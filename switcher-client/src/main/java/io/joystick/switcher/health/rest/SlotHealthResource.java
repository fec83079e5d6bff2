package io.joystick.switcher.health.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.device.client.Device;
import io.joystick.switcher.device.service.DeviceLookup;
import io.joystick.switcher.health.service.DeviceHealth;
import io.joystick.switcher.health.service.HealthCheckAnswer;
import io.joystick.switcher.health.service.HealthCycle;
import io.joystick.switcher.health.service.HealthMonitor;
import io.joystick.switcher.health.service.HealthRegistry;
import io.joystick.switcher.health.service.HealthView;
import io.joystick.switcher.health.service.Shard;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Slot health. A device's own health: any authenticated caller on its allow-list. All monitored devices
 * and running checks: {@code system-status} (users see only devices they are allowed on).
 * {@code GET /api/health} itself stays auth-lib's public service health.
 */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SlotHealthResource {

    /** {@code GET /api/health/devices}: this replica's shard, its last run, its monitored devices and those without a secondary. */
    public record MonitoredDevices(String shard, HealthCycle.Report lastRun, List<HealthView> devices,
            List<String> withoutSecondary) {
    }

    private final HealthRegistry registry;
    private final HealthMonitor monitor;
    private final DeviceLookup lookup;
    private final DeviceAccess access;
    private final SecurityIdentity identity;
    private final Shard shard;

    public SlotHealthResource(HealthRegistry registry, HealthMonitor monitor, DeviceLookup lookup, DeviceAccess access,
            SecurityIdentity identity, Shard shard) {
        this.registry = registry;
        this.monitor = monitor;
        this.lookup = lookup;
        this.access = access;
        this.identity = identity;
        this.shard = shard;
    }

    @GET
    @Path("/devices")
    @PermissionsRequired("system-status")
    public MonitoredDevices devices() {
        Caller caller = Caller.require(identity);
        return new MonitoredDevices(shard.toString(), registry.lastRun().orElse(null),
                registry.monitoredDevices().stream().filter(h -> access.allows(caller, h.deviceId()))
                        .map(h -> HealthView.of(h, true)).toList(),
                registry.withoutSecondary().stream().filter(id -> access.allows(caller, id)).toList());
    }

    /** Any device, whatever its id (a device called {@code devices} or {@code check} included). */
    @GET
    @Path("/devices/{device}")
    @Authenticated
    public HealthView monitoredDevice(@PathParam("device") String deviceId) {
        return device(deviceId);
    }

    /** Kept for existing callers; the literal paths above win over it, so ids {@code devices} and {@code check} need {@code /devices/{device}}. */
    @GET
    @Path("/{device}")
    @Authenticated
    public HealthView device(@PathParam("device") String deviceId) {
        Device device = lookup.require(identity, deviceId);
        DeviceHealth health = registry.find(device.id()).orElseGet(() -> {
            DeviceHealth fresh = new DeviceHealth(device.id());
            fresh.sync(device);
            return fresh;
        });
        return HealthView.of(health, HealthCycle.monitored(device));
    }

    /** Checks now: one device ({@code ?device=}, a {@link HealthView}), or a whole run over this replica's devices (its {@link HealthCycle.Report}). */
    @POST
    @Path("/check")
    @PermissionsRequired("system-status")
    public HealthCheckAnswer check(@QueryParam("device") String deviceId) {
        if (deviceId != null) {
            Device device = lookup.require(identity, deviceId);
            if (!device.autoSlotSwitch()) {
                throw ApiException.badRequest("Device " + device.id() + " is not monitored: autoSlotSwitch is off");
            }
            if (!device.hasSecondSlot()) {
                throw ApiException.badRequest("Device " + device.id() + " has no secondary slot configured");
            }
            return HealthView.of(monitor.check(device), true);
        }
        if (!Caller.require(identity).privileged()) {
            throw ApiException.forbidden("Only admins and services run checks of every device; name one with ?device=");
        }
        return monitor.runAll().orElseThrow(() -> ApiException.conflict("A health check run is already in progress"));
    }

}
