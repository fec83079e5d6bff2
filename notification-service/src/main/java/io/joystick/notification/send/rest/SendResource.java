package io.joystick.notification.send.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.notification.send.service.NotificationSender;
import io.joystick.notification.send.service.SendNotification;
import io.joystick.notification.send.service.SendResult;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code POST /api/notifications/send} (docs/architecture.md#6-notification-service). */
@Path("/api/notifications/send")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SendResource {

    private final NotificationSender sender;
    private final SecurityIdentity identity;

    public SendResource(NotificationSender sender, SecurityIdentity identity) {
        this.sender = sender;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsRequired("notifications")
    public SendResult send(@Valid @NotNull SendNotification body) {
        return sender.send(identity, body);
    }
}
