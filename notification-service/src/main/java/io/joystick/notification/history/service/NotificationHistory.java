package io.joystick.notification.history.service;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.error.ApiException;
import io.joystick.notification.push.service.PushMessages;
import io.joystick.notification.store.Viewer;
import io.joystick.notification.store.repository.Notification;
import io.joystick.notification.store.repository.NotificationRepository;
import io.joystick.notification.store.repository.NotificationState;
import io.joystick.notification.store.repository.NotificationStateRepository;

/** The caller's own view of the notifications addressed to them: list, seen, dismissed. */
@ApplicationScoped
public class NotificationHistory {

    private final NotificationRepository notifications;
    private final NotificationStateRepository states;
    private final PushMessages messages;

    public NotificationHistory(NotificationRepository notifications, NotificationStateRepository states,
            PushMessages messages) {
        this.notifications = notifications;
        this.states = states;
        this.messages = messages;
    }

    @Transactional
    public HistoryPage list(Viewer viewer, int page, int perPage, boolean unseenOnly) {
        long total = notifications.countHistory(viewer, unseenOnly);
        List<Notification> found = notifications.history(viewer, unseenOnly, page - 1, perPage);
        Set<Long> seen = states.seenAmong(viewer.id(), found.stream().map(n -> n.seq).toList());
        List<HistoryPage.Item> items = found.stream()
                .map(n -> new HistoryPage.Item(messages.payload(n), seen.contains(n.seq))).toList();
        return new HistoryPage(page, perPage, total, (total + perPage - 1) / perPage, items);
    }

    @Transactional
    public void markSeen(Viewer viewer, String id) {
        NotificationState state = states.of(visible(viewer, id).seq, viewer.id());
        if (state.seenAt == null) {
            state.seenAt = System.currentTimeMillis();
        }
    }

    @Transactional
    public void dismiss(Viewer viewer, String id) {
        Notification notification = visible(viewer, id);
        if (!notification.dismissible) {
            throw ApiException.conflict("This notification cannot be dismissed");
        }
        NotificationState state = states.of(notification.seq, viewer.id());
        long now = System.currentTimeMillis();
        if (state.seenAt == null) {
            state.seenAt = now;
        }
        if (state.dismissedAt == null) {
            state.dismissedAt = now;
        }
    }

    /** @return how many notifications were newly marked seen */
    @Transactional
    public int markAllSeen(Viewer viewer) {
        List<Long> unseen = notifications.unseen(viewer);
        long now = System.currentTimeMillis();
        for (Long seq : unseen) {
            states.of(seq, viewer.id()).seenAt = now;
        }
        return unseen.size();
    }

    /** Someone else's notification is as unknown to the caller as a notification that does not exist. */
    private Notification visible(Viewer viewer, String id) {
        return notifications.byId(id).filter(n -> viewer.sees(n.audience, n.userId, n.recipients))
                .orElseThrow(() -> ApiException.notFound("Notification not found: " + id));
    }
}
