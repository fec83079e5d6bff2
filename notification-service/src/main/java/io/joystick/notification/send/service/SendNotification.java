package io.joystick.notification.send.service;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/notifications/send}. Audience: {@code userId} → that user; else
 * {@code deviceId} → the device's allow-list and admins; neither → everyone.
 */
public record SendNotification(
        @NotNull @Pattern(regexp = NotificationType.PATTERN,
                message = "must be one of " + NotificationType.PATTERN) String type,
        @NotBlank @Size(max = SendNotification.MAX_TITLE) String title,
        @NotNull @Size(max = SendNotification.MAX_MESSAGE) String message,
        @Pattern(regexp = SendNotification.ID_PATTERN,
                message = "must be 1-128 letters, digits, '_', ':' or '-'") String userId,
        @Pattern(regexp = SendNotification.ID_PATTERN,
                message = "must be 1-128 letters, digits, '_', ':' or '-'") String deviceId,
        Boolean dismissible,
        Map<String, Object> metadata) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_MESSAGE = 4000;
    /** Serialized as JSON. */
    public static final int MAX_METADATA = 8000;
    public static final String ID_PATTERN = "[A-Za-z0-9_:-]{1,128}";

    public NotificationType kind() {
        return NotificationType.parse(type).orElseThrow();
    }

    public boolean isDismissible() {
        return dismissible == null || dismissible;
    }
}
