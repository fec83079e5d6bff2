package io.joystick.notification.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of notification-service's {@code POST /api/notifications/send} (docs/architecture.md#6-notification-service). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(String type, String title, String message, String userId, String deviceId,
        Boolean dismissible, Map<String, Object> metadata) {

    /** A notification for the users on a device's allow-list (and admins). */
    public static Notification forDevice(String type, String deviceId, String title, String message,
            Map<String, Object> metadata) {
        return new Notification(type, title, message, null, deviceId, true, metadata);
    }
}
