package io.joystick.notification.push.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.notification.push.config.WebSocketConfig;
import io.joystick.notification.store.repository.Notification;
import io.joystick.notification.store.repository.NotificationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** {@code ?since=<id|ms>}: what a reconnecting client missed, oldest first. */
@ApplicationScoped
public class Replay {

    private final NotificationRepository notifications;
    private final PushMessages messages;
    private final Connections connections;
    private final int limit;

    public Replay(NotificationRepository notifications, PushMessages messages, Connections connections,
            WebSocketConfig config) {
        this.notifications = notifications;
        this.messages = messages;
        this.connections = connections;
        // Never more than half the connection's queue, so a replay alone cannot get a healthy client dropped.
        this.limit = Math.max(1, Math.min(config.replayLimit(), config.maxPending() / 2));
    }

    /**
     * Reads in a transaction of its own and sends after it has ended: a send completes on the connection's event
     * loop, and a transaction still open there cannot commit ("multiple threads active within it").
     */
    public void since(Subscriber subscriber, String since) {
        List<String> missed = QuarkusTransaction.requiringNew()
                .call(() -> missed(subscriber, since).stream().map(messages::of).toList());
        for (String message : missed) {
            if (!connections.send(subscriber, message)) {
                return;
            }
        }
    }

    private List<Notification> missed(Subscriber subscriber, String since) {
        return notifications.byId(since).map(known -> notifications.after(subscriber.viewer(), known.seq, limit))
                .orElseGet(() -> isMillis(since)
                        ? notifications.createdAfter(subscriber.viewer(), Long.parseLong(since), limit)
                        : List.of());
    }

    private static boolean isMillis(String value) {
        return value.length() <= 15 && value.chars().allMatch(Character::isDigit);
    }
}
