package io.joystick.auth.revocation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.auth.config.JoystickConfig;
import io.joystick.auth.config.ServiceNotRunning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Keeps {@link RevocationList} current so that tokens verified offline still die within one poll
 * interval of a logout or password change. When auth-service cannot be reached the last known list
 * stays in force (edge devices keep working offline) and the failure is logged once per outage. The first poll
 * runs as soon as the service has started (in the background), the next ones every poll interval; none runs
 * while the service starts or stops ({@link ServiceNotRunning}).
 */
@ApplicationScoped
public class RevocationPoller {

    private static final Logger LOG = Logger.getLogger(RevocationPoller.class);
    /** Polls that could not fetch the list, on {@code /q/metrics} as {@code joystick_revocation_poll_failures_total}. */
    public static final String FAILURES = "joystick.revocation.poll.failures";

    private final RevocationFeed feed;
    private final RevocationList list;
    private final boolean enabled;
    private volatile long cursor;
    private volatile boolean failing;

    private final Counter failures;

    public RevocationPoller(RevocationFeed feed, RevocationList list, JoystickConfig config, MeterRegistry registry) {
        this.feed = feed;
        this.list = list;
        this.enabled = config.revocation().pollEnabled();
        this.failures = Counter.builder(FAILURES).description("Revocation polls that could not fetch the list")
                .register(registry);
    }

    /** Whether the last poll failed (the last known list is in force). */
    public boolean failing() {
        return failing;
    }

    /** The first poll, in the background, once every start-up step has passed (the last start-up observer). */
    void firstPoll(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (enabled) {
            Infrastructure.getDefaultWorkerPool().execute(this::poll);
        }
    }

    @Scheduled(every = "${joystick.revocation.poll-interval:15s}", delayed = "${joystick.revocation.poll-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ServiceNotRunning.class)
    void scheduledPoll() {
        if (enabled) {
            poll();
        }
    }

    public synchronized void poll() {
        LOG.debugf("Fetching the revocations since %d", cursor);
        try {
            RevocationsPage page = feed.since(cursor);
            list.apply(page);
            cursor = page.cursor();
            if (failing) {
                LOG.info("Revocation list reachable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            failures.increment();
            if (!failing) {
                LOG.warnf("Cannot fetch the revocation list (%s); keeping the last known one",
                        e.getClass().getSimpleName());
                failing = true;
            }
        }
    }
}
