package io.joystick.switcher.health.rest;

import java.util.LinkedHashMap;
import java.util.Map;

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
    public Map<String, Object> devices() {
        Caller caller = Caller.of(identity);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shard", shard.toString());
        body.put("lastRun", registry.lastRun().map(SlotHealthResource::run).orElse(null));
        body.put("devices", registry.monitoredDevices().stream().filter(h -> access.allows(caller, h.deviceId()))
                .map(h -> HealthView.of(h, true)).toList());
        body.put("withoutSecondary", registry.withoutSecondary().stream().filter(id -> access.allows(caller, id)).toList());
        return body;
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

    /** Checks now: one device ({@code ?device=}), or a whole run over this replica's devices. */
    @POST
    @Path("/check")
    @PermissionsRequired("system-status")
    public Object check(@QueryParam("device") String deviceId) {
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
        if (!Caller.of(identity).privileged()) {
            throw ApiException.forbidden("Only admins and services run checks of every device; name one with ?device=");
        }
        HealthCycle.Report report = monitor.runAll()
                .orElseThrow(() -> ApiException.conflict("A health check run is already in progress"));
        return run(report);
    }

    private static Map<String, Object> run(HealthCycle.Report report) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("started", report.started());
        run.put("finished", report.finished());
        run.put("checked", report.checked());
        run.put("withoutSecondary", report.withoutSecondary());
        run.put("failed", report.failed());
        run.put("error", report.error());
        return run;
    }

}
