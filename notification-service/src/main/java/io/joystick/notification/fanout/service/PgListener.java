package io.joystick.notification.fanout.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.joystick.notification.fanout.config.FanoutConfig;
import io.joystick.notification.push.service.Connections;
import io.joystick.notification.push.service.Outgoing;
import io.joystick.notification.store.service.NotificationLoader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * On PostgreSQL: LISTENs for the notifications other instances store and pushes them to this instance's
 * connections. The subscriber reconnects by itself after the connection drops; each time LISTEN is in place
 * again, what was stored meanwhile (announcements nobody heard) is loaded and pushed before anything else. A
 * notification that cannot be loaded (the database restarting) is not dropped: from it on, everything is loaded
 * again, in order, until that succeeds, and announcements heard meanwhile wait for it.
 */
@ApplicationScoped
public class PgListener {

    private static final Logger LOG = Logger.getLogger(PgListener.class);

    /** Notifications loaded at a time when catching up. */
    static final int CATCH_UP_BATCH = 200;

    private final Cluster cluster;
    private final DeliveredHere deliveredHere;
    private final NotificationLoader loader;
    private final Connections connections;
    private final Vertx vertx;
    private final FanoutConfig config;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    /** One thread: announcements are loaded and pushed in the order they came. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-fanout"));
    private volatile PgSubscriber subscriber;
    private volatile boolean listening;
    /** The highest sequence number heard on the channel or caught up with; written on the worker only. */
    private volatile long highestSeen;
    private volatile boolean stopped;
    /** Everything after this sequence number is still to be loaded and pushed; -1 when nothing is. Worker only. */
    private long reloadAfter = -1;
    private long reloadDelay;
    /** The hosts of the JDBC URL, tried in turn; {@link #target} is the one the subscriber connects to next. */
    private List<PgConnectOptions> hosts;
    private PgConnectOptions target;
    private int host;

    public PgListener(Cluster cluster, DeliveredHere deliveredHere, NotificationLoader loader, Connections connections,
            Vertx vertx, FanoutConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cluster = cluster;
        this.deliveredHere = deliveredHere;
        this.loader = loader;
        this.connections = connections;
        this.vertx = vertx;
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username.orElse(null);
        this.password = password.orElse(null);
    }

    void start(@Observes StartupEvent event) {
        if (!cluster.sharedDatabase()) {
            return;
        }
        highestSeen = loader.latestSeq();
        long delay = Math.max(100, config.reconnectDelay().toMillis());
        reloadDelay = delay;
        // The policy is asked each time the LISTEN connection is lost (and before each further attempt).
        hosts = ListenTargets.of(jdbcUrl, username, password);
        target = new PgConnectOptions(hosts.get(0));
        // The subscriber connects with this same options object each time: moving it to the next host of a
        // multi-host URL after a failure is how it tries them in turn, as the JDBC driver does.
        PgSubscriber pg = PgSubscriber.subscriber(vertx, target)
                .reconnectPolicy(retries -> {
                    disconnected();
                    nextHost();
                    return delay;
                });
        pg.channel(config.channel())
                .subscribeHandler(v -> worker.execute(this::subscribed))
                .handler(this::received);
        subscriber = pg;
        connect(pg, delay);
    }

    /** False until this instance hears the others (always true on H2, where there are none). */
    public boolean listening() {
        return listening || !cluster.sharedDatabase();
    }

    private void connect(PgSubscriber pg, long delay) {
        if (stopped) {
            return;
        }
        pg.connect().onFailure(e -> {
            LOG.warnf("Cannot LISTEN on PostgreSQL at %s:%d (%s: %s); retrying in %d ms", target.getHost(),
                    target.getPort(), e.getClass().getSimpleName(), e.getMessage(), delay);
            nextHost();
            vertx.setTimer(delay, id -> connect(pg, delay));
        });
    }

    private void nextHost() {
        if (hosts.size() > 1) {
            host = (host + 1) % hosts.size();
            target.setHost(hosts.get(host).getHost()).setPort(hosts.get(host).getPort());
        }
    }

    private void disconnected() {
        if (listening) {
            listening = false;
            LOG.warn("Lost the LISTEN connection to PostgreSQL; reconnecting");
        }
    }

    /** On the worker: LISTEN is (again) in place, so catch up with what nobody heard meanwhile. */
    private void subscribed() {
        reload(highestSeen);
        listening = true;
        LOG.infof("Listening for notifications of other instances on channel %s", config.channel());
    }

    /**
     * On the worker: loads and pushes every notification stored after {@code after} (skipping those delivered
     * here already), in batches; if the database fails meanwhile, tries again from the last one pushed.
     */
    private void reload(long after) {
        reloadAfter = reloadAfter < 0 ? after : Math.min(reloadAfter, after);
        deliveredHere.forgetUpTo(reloadAfter);
        try {
            List<Outgoing> missed;
            do {
                missed = loader.outgoingAfter(reloadAfter, CATCH_UP_BATCH);
                for (Outgoing outgoing : missed) {
                    reloadAfter = outgoing.seq();
                    highestSeen = Math.max(highestSeen, outgoing.seq());
                    if (deliveredHere.add(outgoing.seq())) {
                        connections.deliver(outgoing);
                    }
                }
            } while (missed.size() == CATCH_UP_BATCH);
            reloadAfter = -1;
        } catch (RuntimeException e) {
            LOG.warnf("Cannot load the notifications stored after %d (%s); trying again in %d ms", reloadAfter,
                    e.toString(), reloadDelay);
            vertx.setTimer(reloadDelay, id -> worker.execute(() -> {
                if (!stopped && reloadAfter >= 0) {
                    reload(reloadAfter);
                }
            }));
        }
    }

    private void received(String payload) {
        Announcement.decode(payload).ifPresent(a -> worker.execute(() -> heard(a)));
    }

    private void heard(Announcement announcement) {
        highestSeen = Math.max(highestSeen, announcement.seq());
        if (reloadAfter >= 0) {
            // a reload is under way and pushes this one too, in order
            reloadAfter = Math.min(reloadAfter, announcement.seq() - 1);
            return;
        }
        boolean delivered = deliveredHere.take(announcement.seq());
        if (!delivered && !announcement.instanceId().equals(cluster.instanceId())) {
            push(announcement.seq());
        }
    }

    private void push(long seq) {
        try {
            loader.outgoing(seq).ifPresent(connections::deliver);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot load notification %d announced by another instance (%s); loading it again", seq,
                    e.toString());
            reload(seq - 1);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        worker.shutdownNow();
        PgSubscriber pg = subscriber;
        if (pg != null) {
            pg.close();
        }
    }
}
