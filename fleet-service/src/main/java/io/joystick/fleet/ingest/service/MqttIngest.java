package io.joystick.fleet.ingest.service;

import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.joystick.fleet.broker.config.MqttConfig;
import io.joystick.fleet.broker.service.Broker;
import io.joystick.fleet.broker.service.BrokerAddress;
import io.joystick.fleet.presence.repository.DevicePresence;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

/**
 * Consumes every device's telemetry and presence through a shared subscription (instances split the load) on a
 * persistent session (the broker keeps what arrives while this instance is away). Each message is checked here,
 * on the event loop, and handed to the {@link IngestWriter}; a bad one is counted and dropped.
 */
@ApplicationScoped
public class MqttIngest {

    private static final Logger LOG = Logger.getLogger(MqttIngest.class);
    static final String SHARE = "$share/fleet/";
    static final String TELEMETRY = "joystick/devices/+/telemetry/+";
    static final String PRESENCE = "joystick/devices/+/presence";
    /**
     * No limit in the MQTT decoder (the broker is ours; each message is checked against {@link MessageCheck#MAX_BYTES}
     * after decoding). Netty 4.1.133's decoder rejects a message whose header is split across two socket reads as
     * "too long" unless the limit is {@code Integer.MAX_VALUE}; under load that closed the connection every few
     * seconds, and the broker sent everything in flight again (fixed in later Netty 4.1 releases).
     */
    static final int MAX_FRAME_BYTES = Integer.MAX_VALUE;
    /**
     * Reconnect back-off cap. A handful of central instances reconnect to one broker, so a short cap costs the broker
     * nothing and bounds how long the fleet's ingest stays behind after the broker is back (a cap of 15 s let it
     * wait up to ~20 s in the fault soak, benchmarks/results/fault-soak.md).
     */
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Vertx vertx;
    private final Broker broker;
    private final MqttConfig config;
    private final MessageCheck check;
    private final DeviceRateLimit rateLimit;
    private final IngestWriter writer;
    private final IngestMetrics metrics;

    private final Deque<Incoming> overflow = new ArrayDeque<>();
    private volatile MqttClient client;
    private volatile boolean stopping;
    private volatile boolean subscribed;
    private long backoffMillis = 500;

    public MqttIngest(Vertx vertx, Broker broker, MqttConfig config, MessageCheck check, DeviceRateLimit rateLimit,
            IngestWriter writer, IngestMetrics metrics) {
        this.vertx = vertx;
        this.broker = broker;
        this.config = config;
        this.check = check;
        this.rateLimit = rateLimit;
        this.writer = writer;
        this.metrics = metrics;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        start();
    }

    /** Connects (again) with this instance's client id; the broker hands over what it kept for the session. */
    public void start() {
        stopping = false;
        vertx.runOnContext(v -> connect());
    }

    /** Whether this instance is connected and subscribed ({@link IngestHealth}). */
    public boolean subscribed() {
        return subscribed;
    }

    private void connect() {
        if (stopping) {
            return;
        }
        BrokerAddress address = broker.address();
        MqttClientOptions options = new MqttClientOptions().setClientId(clientId()).setCleanSession(false)
                .setUsername(broker.adminUser()).setPassword(broker.adminPassword()).setKeepAliveInterval(30)
                .setMaxMessageSize(MAX_FRAME_BYTES).setAutoKeepAlive(true);
        options.setAutoAck(false);
        options.setSsl(address.tls()).setConnectTimeout(5000);
        MqttClient attempt = MqttClient.create(vertx, options);
        attempt.publishHandler(message -> onMessage(attempt, message));
        attempt.exceptionHandler(
                failure -> LOG.warnf("MQTT connection to %s failed: %s", address.url(), failure.toString()));
        attempt.closeHandler(v -> {
            if (client == attempt) {
                subscribed = false;
                client = null;
                LOG.warnf("Lost the broker at %s; reconnecting", address.url());
                reconnectLater();
            }
        });
        attempt.connect(address.port(), address.host())
                .compose(ack -> {
                    client = attempt;
                    // Subscribe on every connect, also when the broker says it kept the session: Mosquitto 2.0 restores
                    // a persistent session after its own restart without its shared subscriptions.
                    String share = broker.sharedSubscriptions() && config.shared() ? SHARE : "";
                    return attempt.subscribe(Map.of(share + TELEMETRY, MqttQoS.AT_LEAST_ONCE.value(), share + PRESENCE,
                            MqttQoS.AT_LEAST_ONCE.value()));
                })
                .onSuccess(id -> {
                    subscribed = true;
                    backoffMillis = 500;
                    LOG.infof("Consuming device telemetry from %s as %s", address.url(), options.getClientId());
                })
                .onFailure(failure -> {
                    LOG.warnf("Cannot consume from the broker at %s: %s", address.url(), failure.getMessage());
                    if (client == attempt) {
                        client = null;
                        attempt.disconnect();
                    }
                    reconnectLater();
                });
    }

    private void reconnectLater() {
        if (stopping) {
            return;
        }
        long delay = backoffMillis + (long) (Math.random() * backoffMillis / 2);
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        vertx.setTimer(delay, id -> connect());
    }

    private String clientId() {
        return config.clientId().orElseGet(() -> {
            try {
                return "joystick-fleet-" + InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "joystick-fleet";
            }
        });
    }

    private void onMessage(MqttClient receiver, MqttPublishMessage message) {
        Context context = Vertx.currentContext();
        // A message received on a connection that is gone since is not acknowledged: the broker sends it again on
        // the next one, where it is recognised as already stored.
        Runnable ack = message.qosLevel() == MqttQoS.AT_MOST_ONCE ? () -> {
        } : () -> context.runOnContext(v -> {
            if (receiver.isConnected()) {
                message.ack();
            }
        });
        Optional<Topic> parsed = Topic.parse(message.topicName());
        if (parsed.isEmpty()) {
            drop(DropReason.TOPIC, ack);
            return;
        }
        Topic topic = parsed.get();
        byte[] payload = message.payload().getBytes();
        if (payload.length > MessageCheck.MAX_BYTES) {
            drop(DropReason.OVERSIZED, ack);
            return;
        }
        if (!rateLimit.tryTake(topic.deviceId())) {
            drop(DropReason.RATE, ack);
            return;
        }
        if (topic.presence()) {
            String state = new String(payload, java.nio.charset.StandardCharsets.UTF_8).trim();
            if (!state.equals(DevicePresence.ONLINE) && !state.equals(DevicePresence.OFFLINE)) {
                drop(DropReason.SHAPE, ack);
                return;
            }
            enqueue(new Incoming.Presence(topic.deviceId(), state, Instant.now().truncatedTo(ChronoUnit.MICROS), ack));
            return;
        }
        MessageCheck.Outcome outcome = check.telemetry(topic.deviceId(), topic.sensor(), payload);
        if (outcome instanceof MessageCheck.Rejected rejected) {
            drop(rejected.reason(), ack);
        } else if (outcome instanceof MessageCheck.Accepted accepted) {
            enqueue(new Incoming.Telemetry(accepted.reading(), ack));
        }
    }

    private void drop(DropReason reason, Runnable ack) {
        metrics.dropped(reason);
        ack.run();
    }

    /** Runs on the client's context; when the writer is full, stops reading from the broker until it catches up. */
    private void enqueue(Incoming incoming) {
        if (overflow.isEmpty() && writer.offer(incoming)) {
            return;
        }
        overflow.add(incoming);
        if (overflow.size() > 1) {
            return;
        }
        MqttClient paused = client;
        if (paused != null) {
            paused.pause();
        }
        vertx.setPeriodic(20, timer -> {
            while (!overflow.isEmpty() && writer.offer(overflow.peek())) {
                overflow.poll();
            }
            if (overflow.isEmpty()) {
                vertx.cancelTimer(timer);
                if (paused != null) {
                    paused.resume();
                }
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Disconnects, leaving the session (and what arrives meanwhile) with the broker for the next start. */
    public void stop() {
        stopping = true;
        subscribed = false;
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            try {
                current.disconnect().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("Disconnect from the broker: %s", e.getClass().getSimpleName());
            }
        }
    }
}
