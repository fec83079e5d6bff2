package io.joystick.notification.store.service;

import com.fasterxml.jackson.databind.JsonNode;

/** A notification as pushed over the WebSocket ({@code {"type":"notification","payload":…}}) and listed in the history. */
public record NotificationPayload(String id, String type, String title, String message, long timestamp, String userId,
        String deviceId, boolean dismissible, JsonNode metadata) {
}
