package io.joystick.telemetry.publish.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.config.JoystickConfig;
import io.joystick.telemetry.publish.config.PublishConfig;
import io.joystick.telemetry.publish.config.PublishTarget;
import io.joystick.telemetry.publish.repository.QueuedReading;
import io.joystick.telemetry.publish.repository.ReadingQueue;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.SensorEvent;
import io.joystick.telemetry.reading.service.ReadingStore;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.MqttConnectionException;
import io.vertx.mqtt.messages.MqttConnAckMessage;

/**
 * Publishes this device's readings to the fleet's broker (when {@code telemetry.publish.url} is set): at most one
 * reading per sensor per interval, each to {@code joystick/devices/{id}/telemetry/{sensor}} at QoS 1, retained,
 * as the JSON its REST endpoint serves, encoded as {@code telemetry.publish.encoding} says (the queue keeps the
 * JSON; it is encoded when sent, so a changed setting applies to what is queued too); presence {@code online} on connect, {@code offline} as the last will.
 * <p>
 * Every reading goes through the on-disk {@link ReadingQueue} first, so a broker that is away, or a restart,
 * loses nothing: after reconnecting the queue is sent in order, a window of readings in flight, and a reading
 * leaves the queue once the broker acknowledged it. The broker acknowledges QoS 1 messages in the order it
 * received them, so each acknowledgement belongs to the oldest message in flight.
 * <p>
 * The queue, the connection state and the window belong to one thread, {@code telemetry-publish}; the MQTT
 * client's callbacks hop onto it. The local REST API never waits for any of it.
 */
@ApplicationScoped
public class TelemetryPublisher {

    public enum State {
        /** {@code telemetry.publish.url} is not set. */
        OFF,
        /** The settings are wrong; the error says which. Nothing is published or queued. */
        MISCONFIGURED,
        /** The queue cannot be opened; nothing is published or queued. */
        FAILED,
        CONNECTING,
        CONNECTED,
        /** Waiting before trying the broker again; readings are queued meanwhile. */
        WAITING
    }

    /** Readings in flight at once (the client's own limit is set to match). */
    static final int WINDOW = 16;
    private static final long PRESENCE = -1;
    private static final int CONNECT_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(TelemetryPublisher.class);

    private final PublishConfig config;
    private final JoystickConfig joystick;
    private final ReadingStore store;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final PublishMetrics metrics;
    private final Map<Sensor, Long> lastQueued = new EnumMap<>(Sensor.class);
    /** What the broker still has to acknowledge, oldest first: queue sequence numbers, or {@link #PRESENCE}. */
    private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
    private ScheduledExecutorService worker;
    private Cancellable subscription;
    private PublishTarget target;
    private ReadingQueue queue;
    private MqttClient client;
    /** Changes with every connection attempt, so that a dead connection's late callbacks are ignored. */
    private long connection;
    private int attempts;
    private boolean stopping;
    private volatile State state = State.OFF;
    private volatile String lastError;

    public TelemetryPublisher(PublishConfig config, JoystickConfig joystick, ReadingStore store, ObjectMapper mapper,
            Vertx vertx, PublishMetrics metrics) {
        this.config = config;
        this.joystick = joystick;
        this.store = store;
        this.mapper = mapper;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    /** Before the sensor sources start, so that their first readings are published too. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (config.url().isEmpty()) {
            return;
        }
        try {
            target = PublishTarget.of(config);
        } catch (IllegalArgumentException e) {
            refuse(State.MISCONFIGURED, e.getMessage());
            return;
        }
        Path dir = Path.of(joystick.dataDir(), "publish-queue");
        try {
            queue = ReadingQueue.open(dir, config.queue().maxReadings(), config.queue().maxAge(), Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            refuse(State.FAILED, "cannot open the queue in " + dir + ": " + e.getMessage());
            return;
        }
        updateMetrics();
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telemetry-publish");
            thread.setDaemon(true);
            return thread;
        });
        LOG.infof("Publishing the telemetry of device %s to %s (user %s), at most one reading per sensor every %s; "
                + "encoding %s; queue in %s", target.deviceId(), target.address(), target.username().orElse("none"),
                target.interval(), config.encoding().name().toLowerCase(), dir);
        subscription = store.events().subscribe().with(this::onReading);
        worker.scheduleWithFixedDelay(() -> onWorker(this::housekeeping), 1, 1, TimeUnit.SECONDS);
        onWorker(this::connect);
    }

    private void refuse(State failed, String reason) {
        state = failed;
        lastError = reason;
        LOG.errorf("Telemetry is NOT published: %s", reason);
    }

    public State state() {
        return state;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<PublishTarget> target() {
        return Optional.ofNullable(target);
    }

    /** Called on the source's thread: only the interval check and the JSON happen here. */
    private void onReading(SensorEvent event) {
        if (!due(event.sensor())) {
            return;
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(event.reading());
        } catch (JsonProcessingException e) {
            LOG.warnf("Could not write the %s reading as JSON: %s", event.sensor().label(), e.getMessage());
            return;
        }
        onWorker(() -> {
            queue.append(event.sensor().key(), event.reading().timestamp(), json);
            updateMetrics();
            pump();
        });
    }

    private boolean due(Sensor sensor) {
        long now = System.nanoTime();
        synchronized (lastQueued) {
            Long last = lastQueued.get(sensor);
            if (last != null && now - last < target.interval().toNanos()) {
                return false;
            }
            lastQueued.put(sensor, now);
            return true;
        }
    }

    private void connect() {
        if (stopping) {
            return;
        }
        long generation = ++connection;
        state = State.CONNECTING;
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(target.clientId())
                .setCleanSession(true)
                .setKeepAliveInterval(30)
                .setAutoKeepAlive(true)
                .setMaxInflightQueue(WINDOW)
                .setWillFlag(true)
                .setWillTopic(target.presenceTopic())
                .setWillMessageBytes(Buffer.buffer("offline"))
                .setWillQoS(MqttQoS.AT_LEAST_ONCE.value())
                .setWillRetain(true);
        options.setConnectTimeout(10_000);
        target.username().ifPresent(options::setUsername);
        target.password().ifPresent(options::setPassword);
        if (target.tls()) {
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            target.caFile().ifPresent(file -> options.setPemTrustOptions(new PemTrustOptions().addCertPath(file)));
        }
        MqttClient created = MqttClient.create(vertx, options);
        client = created;
        created.publishCompletionHandler(packetId -> onWorker(() -> acknowledged(generation)));
        created.publishCompletionExpirationHandler(packetId -> onWorker(
                () -> broken(generation, "the broker did not acknowledge a reading in time")));
        created.closeHandler(ignored -> onWorker(() -> broken(generation, "connection lost")));
        created.exceptionHandler(e -> LOG.debugf("MQTT connection to %s: %s", target.address(), e.toString()));
        created.connect(target.port(), target.host(), target.tls() ? target.host() : null)
                .onComplete(result -> onWorker(() -> connected(generation, created, result)));
        worker.schedule(() -> onWorker(() -> {
            if (generation == connection && state == State.CONNECTING) {
                retry("no answer from the broker within " + CONNECT_TIMEOUT_SECONDS + " s");
                close(created);
            }
        }), CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private void connected(long generation, MqttClient connected, AsyncResult<MqttConnAckMessage> result)
            throws IOException {
        if (generation != connection || stopping) {
            if (result.succeeded()) {
                connected.disconnect();
            }
            return;
        }
        if (result.failed()) {
            retry(describe(result.cause()));
            return;
        }
        attempts = 0;
        state = State.CONNECTED;
        lastError = null;
        metrics.connected(true);
        LOG.infof("Connected to %s as device %s; %d queued readings to send", target.address(), target.deviceId(),
                queue.size());
        inFlight.clear();
        inFlight.add(PRESENCE);
        connected.publish(target.presenceTopic(), Buffer.buffer("online"), MqttQoS.AT_LEAST_ONCE, false, true)
                .onFailure(e -> onWorker(() -> broken(generation, "publishing failed: " + e.getMessage())));
        queue.rewind();
        pump();
    }

    /** Sends queued readings while the window has room. */
    private void pump() throws IOException {
        if (state != State.CONNECTED) {
            return;
        }
        long generation = connection;
        while (inFlight.size() < WINDOW) {
            Optional<QueuedReading> next = queue.next();
            if (next.isEmpty()) {
                break;
            }
            QueuedReading reading = next.get();
            inFlight.add(reading.sequence());
            client.publish(target.telemetryTopic(reading.sensor()),
                    Buffer.buffer(config.encoding().encode(reading.json())),
                    MqttQoS.AT_LEAST_ONCE, false, true)
                    .onFailure(e -> onWorker(() -> broken(generation, "publishing failed: " + e.getMessage())));
        }
        updateMetrics();
    }

    private void acknowledged(long generation) throws IOException {
        if (generation != connection) {
            return;
        }
        Long sequence = inFlight.poll();
        if (sequence == null) {
            return;
        }
        if (sequence != PRESENCE) {
            queue.acknowledge(sequence);
            metrics.sent();
        }
        pump();
    }

    /** The connection failed or went away: the readings in flight are sent again after reconnecting. */
    private void broken(long generation, String reason) {
        // While connecting, the outcome of the attempt (e.g. refused credentials) is the better explanation.
        if (generation != connection || stopping || state == State.CONNECTING) {
            return;
        }
        if (state == State.CONNECTED) {
            LOG.warnf("Lost the broker %s (%s); readings are queued until it is back", target.address(), reason);
        }
        MqttClient dead = client;
        retry(reason);
        close(dead);
    }

    private static void close(MqttClient abandoned) {
        try {
            if (abandoned.isConnected()) {
                abandoned.disconnect();
            }
        } catch (RuntimeException e) {
            LOG.debugf("Closing an abandoned MQTT connection: %s", e.toString());
        }
    }

    private void retry(String reason) {
        connection++;
        metrics.connected(false);
        inFlight.clear();
        state = State.WAITING;
        long delay = backoff(attempts++);
        if (!reason.equals(lastError)) {
            LOG.warnf("Telemetry broker %s: %s; %d readings queued, trying again in %d ms (and after that with "
                    + "growing delays, up to %s)", target.address(), reason, queue.size(), delay,
                    config.reconnect().maxDelay());
        } else {
            LOG.debugf("Telemetry broker %s: %s; trying again in %d ms", target.address(), reason, delay);
        }
        lastError = reason;
        worker.schedule(() -> onWorker(this::connect), delay, TimeUnit.MILLISECONDS);
    }

    /** Exponential, capped, with jitter (half the delay is random) so that a fleet does not reconnect in step. */
    private long backoff(int attempt) {
        long initial = Math.max(1, config.reconnect().initialDelay().toMillis());
        long max = Math.max(initial, config.reconnect().maxDelay().toMillis());
        long delay = Math.min(max, initial << Math.min(attempt, 20));
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    }

    private String describe(Throwable failure) {
        if (failure instanceof MqttConnectionException refused) {
            return switch (refused.code()) {
                case CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD -> "the broker refused the credentials (bad user "
                        + "name or password): check TELEMETRY_PUBLISH_USERNAME and TELEMETRY_PUBLISH_PASSWORD";
                case CONNECTION_REFUSED_NOT_AUTHORIZED -> "the broker refused the device's credentials (not "
                        + "authorized: a wrong username or password, or a revoked account): check "
                        + "TELEMETRY_PUBLISH_USERNAME and TELEMETRY_PUBLISH_PASSWORD";
                case CONNECTION_REFUSED_IDENTIFIER_REJECTED -> "the broker rejected the client id " + target.clientId();
                default -> "the broker refused the connection (" + refused.code() + ")";
            };
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private void housekeeping() throws IOException {
        queue.dropExpired();
        queue.sync();
        updateMetrics();
    }

    private void updateMetrics() {
        metrics.queue(queue.size(), queue.dropped());
    }

    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }

    private void onWorker(Task task) {
        try {
            worker.execute(() -> {
                if (stopping && queue == null) {
                    return;
                }
                try {
                    task.run();
                } catch (Exception e) {
                    if (!stopping) {
                        LOG.warnf(e, "Telemetry publishing: %s", e.getMessage());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Says {@code offline} itself (a clean disconnect sends no last will) and flushes the queue to disk. */
    void stop(@Observes ShutdownEvent event) {
        if (worker == null) {
            return;
        }
        subscription.cancel();
        try {
            worker.submit(() -> {
                stopping = true;
                if (state == State.CONNECTED && client.isConnected()) {
                    try {
                        client.publish(target.presenceTopic(), Buffer.buffer("offline"), MqttQoS.AT_LEAST_ONCE, false,
                                true)
                                .compose(id -> client.disconnect())
                                .toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        LOG.debugf("Saying offline to the broker: %s", e.toString());
                    }
                }
                try {
                    queue.close();
                } catch (IOException e) {
                    LOG.warnf("Closing the telemetry queue: %s", e.getMessage());
                }
                queue = null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Stopping the telemetry publisher: %s", e.toString());
        }
        worker.shutdownNow();
    }
}
