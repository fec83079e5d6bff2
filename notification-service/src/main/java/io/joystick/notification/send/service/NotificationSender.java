package io.joystick.notification.send.service;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.device.DeviceAllowList;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.joystick.device.client.RemoteDeviceAllowList.DeviceServiceUnavailableException;
import io.joystick.notification.push.service.Connections;
import io.joystick.notification.push.service.Outgoing;
import io.joystick.notification.store.repository.Audience;
import io.joystick.notification.store.service.NotificationStore;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may send what to whom (docs/architecture.md#6-notification-service), then: persist, then push. */
@ApplicationScoped
public class NotificationSender {

    static final String EMERGENCY_DENIED = "Access denied: only admins and services may send emergency notifications";
    static final String OTHER_USER_DENIED = "Access denied: only admins and services may send to another user";
    static final String BROADCAST_DENIED = "Access denied: only admins and services may send to everyone";
    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    private final DeviceAccess deviceAccess;
    private final DeviceAllowList allowLists;
    private final NotificationStore store;
    private final Connections connections;
    private final ObjectMapper json;

    public NotificationSender(DeviceAccess deviceAccess, DeviceAllowList allowLists, NotificationStore store,
            Connections connections,
            ObjectMapper json) {
        this.deviceAccess = deviceAccess;
        this.allowLists = allowLists;
        this.store = store;
        this.connections = connections;
        this.json = json;
    }

    public SendResult send(SecurityIdentity identity, SendNotification request) {
        Caller caller = Caller.require(identity);
        String metadata = metadataJson(request.metadata());
        authorize(identity, caller, request);
        Audience audience =
                request.userId() != null ? Audience.USER : request.deviceId() != null ? Audience.DEVICE : Audience.ALL;
        Set<String> recipients = audience == Audience.DEVICE ? deviceRecipients(request.deviceId()) : Set.of();
        Outgoing stored = store.save(request, metadata, audience, recipients, caller.id());
        return new SendResult(true, stored.id(), connections.deliver(stored));
    }

    private void authorize(SecurityIdentity identity, Caller caller, SendNotification request) {
        if (caller.privileged()) {
            return;
        }
        if (request.kind() == NotificationType.EMERGENCY) {
            throw ApiException.forbidden(EMERGENCY_DENIED);
        }
        if (request.userId() != null && !request.userId().equals(caller.id())) {
            throw ApiException.forbidden(OTHER_USER_DENIED);
        }
        if (request.userId() == null && request.deviceId() == null) {
            throw ApiException.forbidden(BROADCAST_DENIED);
        }
        if (request.deviceId() != null) {
            deviceAccess.check(identity, request.deviceId());
        }
    }

    /**
     * The device's allow-list now; admins and services are always in the audience. When device-service
     * cannot answer, the notification still goes out, to them only.
     */
    private Set<String> deviceRecipients(String deviceId) {
        try {
            Optional<Set<String>> allowed = allowLists.allowed(deviceId);
            return allowed.orElseThrow(() -> ApiException.notFound("Device not found: " + deviceId));
        } catch (DeviceServiceUnavailableException e) {
            LOG.warnf(
                    "device-service did not give the allow-list of device %s (%s): the notification goes to admins only",
                    deviceId, e.reason());
            return Set.of();
        }
    }

    private String metadataJson(Map<String, Object> metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            String text = json.writeValueAsString(metadata);
            if (text.length() > SendNotification.MAX_METADATA) {
                throw ApiException
                        .badRequest("Validation failed: metadata: must be at most " + SendNotification.MAX_METADATA
                                + " characters as JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Validation failed: metadata: not serializable");
        }
    }
}
