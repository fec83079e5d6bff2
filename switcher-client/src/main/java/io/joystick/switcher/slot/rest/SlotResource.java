package io.joystick.switcher.slot.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.device.client.Device;
import io.joystick.switcher.device.service.DeviceLookup;
import io.joystick.switcher.slot.service.SlotService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code POST /api/slot/{device}/{primary|secondary}}: a manual switch; {@code toggle-slot} and the allow-list. */
@Path("/api/slot")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SlotResource {

    /** A switch done (or not needed: {@code changed} false when the device was already on {@code activeSlot}). */
    public record SlotSwitched(boolean success, String device, String activeSlot, String previousSlot,
            boolean changed) {
    }

    private final DeviceLookup lookup;
    private final SlotService slots;
    private final SecurityIdentity identity;

    public SlotResource(DeviceLookup lookup, SlotService slots, SecurityIdentity identity) {
        this.lookup = lookup;
        this.slots = slots;
        this.identity = identity;
    }

    @POST
    @Path("/{device}/{slot}")
    @PermissionsRequired("toggle-slot")
    @APIResponse(responseCode = "200", description = "Switched, or already on that slot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SlotSwitched.class)))
    @APIResponse(responseCode = "502", description = "Switched, but MediaMTX's path was not repointed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErrorBody.class)))
    public Response switchSlot(@PathParam("device") String deviceId, @PathParam("slot") String slot) {
        if (!Device.isSlot(slot)) {
            throw ApiException.badRequest("slot: must be 'primary' or 'secondary'");
        }
        Device device = lookup.require(identity, deviceId);
        Caller caller = Caller.require(identity);
        SlotService.Result result =
                slots.switchTo(device, slot, caller.service() ? caller.name() : "user " + caller.id());
        if (result.streamError() != null) {
            return ErrorBody.response(502, "Slot switched to " + slot + ", but the stream was not repointed: "
                    + result.streamError());
        }
        return Response.ok(new SlotSwitched(true, device.id(), slot, result.previousSlot(), result.changed())).build();
    }
}
