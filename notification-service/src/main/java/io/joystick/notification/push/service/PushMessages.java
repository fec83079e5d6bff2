package io.joystick.notification.push.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.notification.store.repository.Notification;
import io.joystick.notification.store.service.NotificationPayload;

/** Turns stored notifications into what clients receive. */
@ApplicationScoped
public class PushMessages {

    private final ObjectMapper json;

    public PushMessages(ObjectMapper json) {
        this.json = json;
    }

    public record Envelope(String type, NotificationPayload payload) {
    }

    public NotificationPayload payload(Notification n) {
        return new NotificationPayload(n.id, n.type, n.title, n.message, n.createdAt, n.userId, n.deviceId,
                n.dismissible,
                metadata(n.metadata));
    }

    /** {@code {"type":"notification","payload":{…}}} */
    public String of(Notification notification) {
        try {
            return json.writeValueAsString(new Envelope("notification", payload(notification)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize notification " + notification.id, e);
        }
    }

    public Outgoing outgoing(Notification n) {
        return new Outgoing(n.seq, n.id, n.audience, n.userId, java.util.Set.copyOf(n.recipients), of(n));
    }

    private JsonNode metadata(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
