package io.joystick.notification.store.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.notification.push.service.Outgoing;
import io.joystick.notification.push.service.PushMessages;
import io.joystick.notification.store.repository.NotificationRepository;

/** Loads the notifications other instances stored, ready to push. */
@ApplicationScoped
public class NotificationLoader {

    private final NotificationRepository notifications;
    private final PushMessages messages;

    public NotificationLoader(NotificationRepository notifications, PushMessages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @Transactional
    public Optional<Outgoing> outgoing(long seq) {
        return notifications.findByIdOptional(seq).map(messages::outgoing);
    }

    /** Whatever was stored after {@code seq}, oldest first. */
    @Transactional
    public List<Outgoing> outgoingAfter(long seq, int limit) {
        return notifications.storedAfter(seq, limit).stream().map(messages::outgoing).toList();
    }

    @Transactional
    public long latestSeq() {
        return notifications.latestSeq();
    }
}
