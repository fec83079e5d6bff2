package io.joystick.notification.store.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.common.Ids;
import io.joystick.notification.fanout.service.Announcer;
import io.joystick.notification.push.service.Outgoing;
import io.joystick.notification.push.service.PushMessages;
import io.joystick.notification.send.service.SendNotification;
import io.joystick.notification.store.repository.Audience;
import io.joystick.notification.store.repository.Notification;
import io.joystick.notification.store.repository.NotificationRepository;

/** Stores a notification and, in the same transaction, announces it to the other instances. */
@ApplicationScoped
public class NotificationStore {

    private final NotificationRepository notifications;
    private final Announcer announcer;
    private final PushMessages messages;

    public NotificationStore(NotificationRepository notifications, Announcer announcer, PushMessages messages) {
        this.notifications = notifications;
        this.announcer = announcer;
        this.messages = messages;
    }

    @Transactional
    public Outgoing save(SendNotification request, String metadataJson, Audience audience, Set<String> recipients,
            String sender) {
        Notification n = new Notification();
        n.id = Ids.next();
        n.type = request.kind().value();
        n.title = request.title().strip();
        n.message = request.message();
        n.audience = audience;
        n.userId = request.userId();
        n.deviceId = request.deviceId();
        n.dismissible = request.isDismissible();
        n.metadata = metadataJson;
        n.sender = sender;
        n.createdAt = System.currentTimeMillis();
        n.recipients.addAll(recipients);
        notifications.persistAndFlush(n);
        announcer.announce(n.seq);
        return messages.outgoing(n);
    }
}
