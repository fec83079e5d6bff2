package io.joystick.device.registry.rest;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.device.accesscache.client.AllowListChanges;
import io.joystick.device.alert.service.DeviceAlerts;
import io.joystick.device.registry.service.DatabaseDeviceAllowList;
import io.joystick.device.registry.service.DeviceInput;
import io.joystick.device.registry.service.DeviceService;
import io.joystick.device.registry.service.DeviceView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/devices")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DeviceResource {

    private final DeviceService devices;
    private final DeviceAlerts alerts;
    private final DatabaseDeviceAllowList allowLists;
    private final AllowListChanges allowListChanges;
    private final SecurityIdentity identity;

    public DeviceResource(DeviceService devices, DeviceAlerts alerts, DatabaseDeviceAllowList allowLists,
            AllowListChanges allowListChanges, SecurityIdentity identity) {
        this.devices = devices;
        this.alerts = alerts;
        this.allowLists = allowLists;
        this.allowListChanges = allowListChanges;
        this.identity = identity;
    }

    public record AllowList(@NotNull Set<@Pattern(regexp = "[A-Za-z0-9_:-]{1,64}") String> allow) {
    }

    /** Who may use a device besides admins and services: its allow-list and its owner, sorted. */
    public record AllowedUsers(String id, List<String> allow) {
    }

    public record SlotChange(
            @NotNull @Pattern(regexp = "primary|secondary", message = "must be 'primary' or 'secondary'") String slot) {
    }

    public record StatusChange(@NotNull @Pattern(regexp = "[a-z0-9_-]{1,20}") String status) {
    }

    @GET
    public List<DeviceView> list() {
        return devices.list(caller());
    }

    @GET
    @Path("/{id}")
    public DeviceView get(@PathParam("id") String id) {
        return devices.get(caller(), id);
    }

    @POST
    @PermissionsRequired(DeviceService.CREATE_PERMISSION)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DeviceView.class)))
    public DeviceView create(@Valid @NotNull DeviceInput input) {
        return devices.create(caller(), input);
    }

    @PATCH
    @Path("/{id}")
    public DeviceView update(@PathParam("id") String id, @Valid @NotNull DeviceInput input) {
        DeviceView updated = devices.update(caller(), id, input);
        if (input.allow() != null || input.owner() != null) {
            allowListChanges.changed(id); // after the commit, as below
        }
        return updated;
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") String id) {
        devices.delete(caller(), id);
        allowListChanges.changed(id);
    }

    /**
     * Who may use the device, for other services' access checks and notification audiences: the allow-list
     * and the owner, as device-service itself decides.
     */
    @GET
    @Path("/{id}/allow")
    @RolesAllowed({Caller.ADMIN_ROLE, Caller.SERVICE_ROLE})
    public AllowedUsers allow(@PathParam("id") String id) {
        Set<String> allowed =
                allowLists.allowed(id).orElseThrow(() -> ApiException.notFound("Device not found: " + id));
        return new AllowedUsers(id, allowed.stream().sorted().toList());
    }

    @PUT
    @Path("/{id}/allow")
    public DeviceView setAllow(@PathParam("id") String id, @Valid @NotNull AllowList body) {
        DeviceView updated = devices.setAllow(caller(), id, body.allow());
        // after the commit: caches dropped earlier could be refilled with the old list
        allowListChanges.changed(id);
        return updated;
    }

    @PATCH
    @Path("/{id}/slot")
    @RolesAllowed({Caller.ADMIN_ROLE, Caller.SERVICE_ROLE})
    public DeviceView setSlot(@PathParam("id") String id, @Valid @NotNull SlotChange body) {
        return devices.setSlot(id, body.slot());
    }

    @PATCH
    @Path("/{id}/status")
    @RolesAllowed({Caller.ADMIN_ROLE, Caller.SERVICE_ROLE})
    public DeviceView setStatus(@PathParam("id") String id, @Valid @NotNull StatusChange body) {
        DeviceService.StatusUpdate update = devices.setStatus(id, body.status());
        // after the commit: a notification never reports a change that was rolled back
        alerts.statusChanged(id, update.device().name(), update.previous(), body.status());
        return update.device();
    }

    @DELETE
    @Path("/{id}/host-keys")
    @RolesAllowed(Caller.ADMIN_ROLE)
    public void forgetHostKeys(@PathParam("id") String id) {
        devices.forgetHostKeys(id);
    }

    private Caller caller() {
        return Caller.require(identity);
    }
}
