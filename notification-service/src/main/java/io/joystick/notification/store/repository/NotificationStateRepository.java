package io.joystick.notification.store.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NotificationStateRepository implements PanacheRepositoryBase<NotificationState, NotificationState.Key> {

    /** The viewer's state row for a notification, created on first use. */
    public NotificationState of(long seq, String userId) {
        NotificationState state = findById(new NotificationState.Key(seq, userId));
        if (state == null) {
            state = new NotificationState();
            state.notificationSeq = seq;
            state.userId = userId;
            persist(state);
        }
        return state;
    }

    /** Which of these notifications the user has seen. */
    public Set<Long> seenAmong(String userId, Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager().createQuery("select s.notificationSeq from NotificationState s"
                + " where s.userId = :me and s.seenAt is not null and s.notificationSeq in :seqs", Long.class)
                .setParameter("me", userId).setParameter("seqs", seqs).getResultList());
    }
}
