package io.joystick.notification.fanout;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.joystick.notification.config.NotificationConfig;
import io.joystick.notification.push.Connections;
import io.joystick.notification.store.NotificationLoader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * On PostgreSQL: LISTENs for the notifications other instances store and pushes them to this instance's
 * connections. The subscriber reconnects by itself after the connection drops; what was announced while
 * it was down reaches clients when they reconnect with {@code ?since=}.
 */
@ApplicationScoped
public class PgListener {

    private static final Logger LOG = Logger.getLogger(PgListener.class);

    private final Cluster cluster;
    private final NotificationLoader loader;
    private final Connections connections;
    private final Vertx vertx;
    private final NotificationConfig config;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    /** One thread: announcements are loaded and pushed in the order they came. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-fanout"));
    private volatile PgSubscriber subscriber;
    private volatile boolean listening;
    private volatile boolean stopped;

    public PgListener(Cluster cluster, NotificationLoader loader, Connections connections, Vertx vertx, NotificationConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cluster = cluster;
        this.loader = loader;
        this.connections = connections;
        this.vertx = vertx;
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username.orElse("postgres");
        this.password = password.orElse("");
    }

    void start(@Observes StartupEvent event) {
        if (!cluster.sharedDatabase()) {
            return;
        }
        long delay = Math.max(100, config.fanout().reconnectDelay().toMillis());
        PgSubscriber pg = PgSubscriber.subscriber(vertx, connectOptions(jdbcUrl, username, password))
                .reconnectPolicy(retries -> delay);
        pg.channel(config.fanout().channel())
                .subscribeHandler(v -> {
                    listening = true;
                    LOG.infof("Listening for notifications of other instances on channel %s", config.fanout().channel());
                })
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
            LOG.warnf("Cannot LISTEN on PostgreSQL (%s); retrying in %d ms", e.getClass().getSimpleName(), delay);
            vertx.setTimer(delay, id -> connect(pg, delay));
        });
    }

    private void received(String payload) {
        Announcement.decode(payload)
                .filter(a -> !a.instanceId().equals(cluster.instanceId()))
                .ifPresent(a -> worker.execute(() -> push(a.seq())));
    }

    private void push(long seq) {
        try {
            loader.outgoing(seq).ifPresent(connections::deliver);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot push notification %d announced by another instance: %s", seq, e.toString());
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

    /** The LISTEN connection goes where the JDBC datasource goes. */
    static PgConnectOptions connectOptions(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost() == null ? "localhost" : uri.getHost())
                .setPort(uri.getPort() < 0 ? 5432 : uri.getPort())
                .setDatabase(uri.getPath() == null || uri.getPath().length() <= 1 ? username : uri.getPath().substring(1))
                .setUser(username);
        if (password != null && !password.isEmpty()) {
            options.setPassword(password);
        }
        return options;
    }
}
