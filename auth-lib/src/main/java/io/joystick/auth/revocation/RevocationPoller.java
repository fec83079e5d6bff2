package io.joystick.auth.revocation;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.auth.config.JoystickConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps {@link RevocationList} current so that tokens verified offline still die within one poll
 * interval of a logout or password change. When auth-service cannot be reached the last known list
 * stays in force (edge devices keep working offline) and the failure is logged once per outage.
 */
@ApplicationScoped
public class RevocationPoller {

    private static final Logger LOG = Logger.getLogger(RevocationPoller.class);

    private final RevocationFeed feed;
    private final RevocationList list;
    private final boolean enabled;
    private volatile long cursor;
    private volatile boolean failing;

    public RevocationPoller(RevocationFeed feed, RevocationList list, JoystickConfig config) {
        this.feed = feed;
        this.list = list;
        this.enabled = config.revocation().pollEnabled();
    }

    @Scheduled(every = "${joystick.revocation.poll-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (enabled) {
            poll();
        }
    }

    public synchronized void poll() {
        try {
            RevocationsPage page = feed.since(cursor);
            list.apply(page);
            cursor = page.cursor();
            if (failing) {
                LOG.info("Revocation list reachable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Cannot fetch the revocation list (%s); keeping the last known one", e.getClass().getSimpleName());
                failing = true;
            }
        }
    }
}
