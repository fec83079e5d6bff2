package io.joystick.notification.send.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of notification of docs/architecture.md#6-notification-service; {@code emergency} only from admins and services. */
public enum NotificationType {
    INFO, SUCCESS, WARNING, ERROR, EMERGENCY;

    public static final String PATTERN = "info|success|warning|error|emergency";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.value().equals(value)).findFirst();
    }
}
