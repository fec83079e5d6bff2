package io.joystick.notification.fanout.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.joystick.notification.fanout.config.FanoutConfig;

/**
 * Tells the other instances about a new notification. The NOTIFY is part of the storing transaction, so
 * PostgreSQL delivers it exactly when (and only if) the notification is committed. It carries only the
 * sequence number; listeners load the rest.
 */
@ApplicationScoped
public class Announcer {

    private final Cluster cluster;
    private final DeliveredHere deliveredHere;
    private final EntityManager entityManager;
    private final String channel;

    public Announcer(Cluster cluster, DeliveredHere deliveredHere, EntityManager entityManager,
            FanoutConfig config) {
        this.cluster = cluster;
        this.deliveredHere = deliveredHere;
        this.entityManager = entityManager;
        this.channel = config.channel();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(long seq) {
        if (!cluster.sharedDatabase()) {
            return;
        }
        entityManager.createNativeQuery("SELECT pg_notify(:channel, :payload)")
                .setParameter("channel", channel)
                .setParameter("payload", Announcement.encode(cluster.instanceId(), seq))
                .getSingleResult();
        // The sender pushes it to this instance's connections itself.
        deliveredHere.add(seq);
    }
}
