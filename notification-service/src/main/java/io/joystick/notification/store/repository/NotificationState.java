package io.joystick.notification.store.repository;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One user's seen/dismissed marks on one notification; absent until the user marks it. */
@Entity
@Table(name = "notification_states")
@IdClass(NotificationState.Key.class)
public class NotificationState {

    @Id
    @Column(name = "notification_seq")
    public Long notificationSeq;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "seen_at")
    public Long seenAt;

    @Column(name = "dismissed_at")
    public Long dismissedAt;

    public static class Key implements Serializable {
        public Long notificationSeq;
        public String userId;

        public Key() {
        }

        public Key(Long notificationSeq, String userId) {
            this.notificationSeq = notificationSeq;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(notificationSeq, k.notificationSeq)
                    && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(notificationSeq, userId);
        }
    }
}
