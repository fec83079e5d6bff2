package io.joystick.notification.push.service;

import java.util.Set;

import io.joystick.notification.store.Viewer;
import io.joystick.notification.store.repository.Audience;

/** A stored notification ready to push: its audience and its WebSocket message, serialized once for everyone. */
public record Outgoing(long seq, String id, Audience audience, String userId, Set<String> recipients, String message) {

    public boolean reaches(Viewer viewer) {
        return viewer.sees(audience, userId, recipients);
    }
}
