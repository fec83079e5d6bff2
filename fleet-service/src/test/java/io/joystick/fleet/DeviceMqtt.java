package io.joystick.fleet;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/** A device's MQTT connection as the edge makes it (its own account), for publishing in tests. */
public final class DeviceMqtt implements AutoCloseable {

    public record Account(String url, String username, String password) {
    }

    private static final Vertx VERTX = Vertx.vertx();

    private final MqttClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Message id → waiting for the broker's PUBACK. */
    private final Map<Integer, CompletableFuture<Void>> unacknowledged = new ConcurrentHashMap<>();

    private DeviceMqtt(MqttClient client) {
        this.client = client;
        client.closeHandler(v -> closed.set(true));
        client.publishCompletionHandler(id -> future(id).complete(null));
    }

    private CompletableFuture<Void> future(int id) {
        return unacknowledged.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    public static DeviceMqtt connect(Account account, String clientId) throws Exception {
        URI uri = URI.create(account.url());
        MqttClient client = MqttClient.create(VERTX, new MqttClientOptions().setClientId(clientId)
                .setUsername(account.username()).setPassword(account.password()).setCleanSession(true)
                .setMaxMessageSize(64 * 1024));
        DeviceMqtt device = new DeviceMqtt(client);
        client.connect(uri.getPort(), uri.getHost()).toCompletionStage().toCompletableFuture().get(10,
                TimeUnit.SECONDS);
        return device;
    }

    /** Publishes at QoS 1 and returns once the broker acknowledged it (not merely once it was written). */
    public void publish(String topic, String payload) throws Exception {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #publish(String, String)} with the payload's bytes as they are (e.g. a deflated reading). */
    public void publish(String topic, byte[] payload) throws Exception {
        int id = client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        future(id).get(10, TimeUnit.SECONDS);
        unacknowledged.remove(id);
    }

    public boolean closed() {
        return closed.get() || !client.isConnected();
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
