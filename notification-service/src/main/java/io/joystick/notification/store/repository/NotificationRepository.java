package io.joystick.notification.store.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.notification.store.Viewer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, Long> {

    /** The audience rule of docs/architecture.md#6-notification-service as a query; {@link Viewer#sees} is the same rule in memory. */
    static final String VISIBLE = "(n.audience = io.joystick.notification.store.repository.Audience.ALL"
            + " or (n.audience = io.joystick.notification.store.repository.Audience.USER and n.userId = :me)"
            + " or (n.audience = io.joystick.notification.store.repository.Audience.DEVICE and (:privileged = true or :me member of n.recipients)))";
    private static final String NOT_DISMISSED = " and not exists (select 1 from NotificationState s"
            + " where s.notificationSeq = n.seq and s.userId = :me and s.dismissedAt is not null)";
    private static final String UNSEEN = " and not exists (select 1 from NotificationState s"
            + " where s.notificationSeq = n.seq and s.userId = :me and s.seenAt is not null)";

    public Optional<Notification> byId(String id) {
        return find("id", id).firstResultOptional();
    }

    /** The caller's history, newest first, without what they dismissed. */
    public List<Notification> history(Viewer viewer, boolean unseenOnly, int pageIndex, int perPage) {
        return find(historyQuery(unseenOnly) + " order by n.seq desc", params(viewer)).page(Page.of(pageIndex, perPage))
                .list();
    }

    public long countHistory(Viewer viewer, boolean unseenOnly) {
        return count(historyQuery(unseenOnly), params(viewer));
    }

    /** Sequence numbers of everything the viewer has not seen yet (nor dismissed). */
    public List<Long> unseen(Viewer viewer) {
        return getEntityManager().createQuery("select n.seq " + historyQuery(true), Long.class)
                .setParameter("me", viewer.id()).setParameter("privileged", viewer.privileged()).getResultList();
    }

    public boolean visible(Viewer viewer, long seq) {
        return count("from Notification n where n.seq = :seq and " + VISIBLE, params(viewer).and("seq", seq)) > 0;
    }

    /** Everything stored after a notification (by sequence), whoever it is for, oldest first. */
    public List<Notification> storedAfter(long seq, int limit) {
        return find("seq > ?1 order by seq", seq).page(Page.ofSize(limit)).list();
    }

    /** The sequence number of the newest notification; 0 when there is none. */
    public long latestSeq() {
        return getEntityManager().createQuery("select coalesce(max(n.seq), 0) from Notification n", Long.class)
                .getSingleResult();
    }

    /** What a reconnecting client missed: after a notification (by sequence), oldest first. */
    public List<Notification> after(Viewer viewer, long seq, int limit) {
        List<Notification> newest =
                find("from Notification n where n.seq > :seq and " + VISIBLE + NOT_DISMISSED + " order by n.seq desc",
                        params(viewer).and("seq", seq)).page(Page.ofSize(limit)).list();
        return oldestFirst(newest);
    }

    /** What a reconnecting client missed: created after a time (epoch ms), oldest first. */
    public List<Notification> createdAfter(Viewer viewer, long millis, int limit) {
        List<Notification> newest = find(
                "from Notification n where n.createdAt > :millis and " + VISIBLE + NOT_DISMISSED
                        + " order by n.seq desc",
                params(viewer).and("millis", millis)).page(Page.ofSize(limit)).list();
        return oldestFirst(newest);
    }

    private static List<Notification> oldestFirst(List<Notification> newestFirst) {
        List<Notification> result = new ArrayList<>(newestFirst);
        Collections.reverse(result);
        return result;
    }

    private static String historyQuery(boolean unseenOnly) {
        return "from Notification n where " + VISIBLE + NOT_DISMISSED + (unseenOnly ? UNSEEN : "");
    }

    private static Parameters params(Viewer viewer) {
        return Parameters.with("me", viewer.id()).and("privileged", viewer.privileged());
    }
}
