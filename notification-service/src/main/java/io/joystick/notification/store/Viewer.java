package io.joystick.notification.store;

import io.joystick.auth.permission.Caller;
import io.joystick.notification.store.repository.Audience;
import io.joystick.notification.store.repository.NotificationRepository;

/** Whose notifications to show: a user id, and whether it is an admin or a service (who see every device's). */
public record Viewer(String id, boolean privileged) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.id(), caller.privileged());
    }

    /** The in-memory twin of {@link NotificationRepository#VISIBLE}. */
    public boolean sees(Audience audience, String userId, java.util.Set<String> recipients) {
        return switch (audience) {
            case ALL -> true;
            case USER -> id.equals(userId);
            case DEVICE -> privileged || recipients.contains(id);
        };
    }
}
