package io.joystick.notification.fanout.service;

import java.util.concurrent.ConcurrentSkipListSet;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Notifications this instance pushes (or is about to push) to its own connections without waiting for their
 * announcement: the ones it stored itself, and the ones a catch-up after a LISTEN gap delivered. Their
 * announcement, or a later catch-up, must not push them a second time.
 */
@ApplicationScoped
public class DeliveredHere {

    private final ConcurrentSkipListSet<Long> seqs = new ConcurrentSkipListSet<>();

    /** @return false when it was delivered here already */
    public boolean add(long seq) {
        return seqs.add(seq);
    }

    /** @return whether it was delivered here already; it is forgotten either way (it is announced once) */
    boolean take(long seq) {
        return seqs.remove(seq);
    }

    /** What was stored here but never announced (rolled back), or announced before LISTEN was back. */
    void forgetUpTo(long seq) {
        seqs.headSet(seq, true).clear();
    }
}
