package io.joystick.fleet.broker.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.error.ApiException;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * Administers Mosquitto's dynamic-security plugin over {@code $CONTROL/dynamic-security/v1} with fleet-service's
 * admin account: a role per device allowing {@code publishClientSend} on its own topics, and a client holding it.
 * Each call waits at most 5 s for the broker; otherwise 503.
 */
public class DynsecAccounts implements BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(DynsecAccounts.class);
    static final String CONTROL = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE = CONTROL + "/response";

    private final Vertx vertx;
    private final Broker broker;
    private final String clientId;
    private final ObjectMapper mapper;
    private final ConcurrentMap<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private volatile MqttClient client;

    public DynsecAccounts(Vertx vertx, Broker broker, String clientId, ObjectMapper mapper) {
        this.vertx = vertx;
        this.broker = broker;
        this.clientId = clientId;
        this.mapper = mapper;
    }

    @Override
    public void createOrRotate(String deviceId, String username, String password) {
        String role = role(deviceId);
        List<Map<String, Object>> cleanup = List.of(Map.of("command", "deleteClient", "username", username),
                Map.of("command", "deleteRole", "rolename", role));
        call(cleanup, true);
        call(List.of(
                Map.of("command", "createRole", "rolename", role, "acls", List.of(
                        Map.of("acltype", "publishClientSend", "topic", "joystick/devices/" + deviceId + "/#",
                                "priority", 0, "allow", true))),
                Map.of("command", "createClient", "username", username, "password", password,
                        "roles", List.of(Map.of("rolename", role)))),
                false);
    }

    @Override
    public void revoke(String deviceId, String username) {
        call(List.of(Map.of("command", "deleteClient", "username", username),
                Map.of("command", "deleteRole", "rolename", role(deviceId))), true);
    }

    private static String role(String deviceId) {
        return "joystick-device-" + deviceId;
    }

    private synchronized void call(List<Map<String, Object>> commands, boolean ignoreErrors) {
        String correlation = UUID.randomUUID().toString();
        List<Map<String, Object>> tagged = commands.stream().map(command -> {
            Map<String, Object> copy = new java.util.HashMap<>(command);
            copy.put("correlationData", correlation);
            return (Map<String, Object>) copy;
        }).toList();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(correlation, answer);
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("commands", tagged));
            connected().compose(mqtt -> mqtt.publish(CONTROL, Buffer.buffer(body), MqttQoS.AT_LEAST_ONCE, false, false))
                    .onFailure(answer::completeExceptionally);
            JsonNode responses = answer.get(5, TimeUnit.SECONDS);
            if (!ignoreErrors) {
                for (JsonNode response : responses.path("responses")) {
                    if (response.hasNonNull("error")) {
                        throw new ApiException(502, "Broker refused " + response.path("command").asText() + ": "
                                + response.path("error").asText());
                    }
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            LOG.warnf("Broker administration failed: %s", e.getClass().getSimpleName());
            throw new ApiException(503, "MQTT broker unavailable: cannot change device accounts");
        } finally {
            waiting.remove(correlation);
        }
    }

    private Future<MqttClient> connected() {
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            return Future.succeededFuture(current);
        }
        BrokerAddress address = broker.address();
        MqttClientOptions options = new MqttClientOptions().setClientId(clientId).setCleanSession(true)
                .setUsername(broker.adminUser()).setPassword(broker.adminPassword()).setKeepAliveInterval(30);
        options.setSsl(address.tls()).setConnectTimeout(4000);
        MqttClient fresh = MqttClient.create(vertx, options);
        fresh.publishHandler(message -> {
            if (!message.topicName().equals(RESPONSE)) {
                return;
            }
            try {
                JsonNode body = mapper.readTree(message.payload().toString(StandardCharsets.UTF_8));
                for (JsonNode response : body.path("responses")) {
                    CompletableFuture<JsonNode> answer = waiting.get(response.path("correlationData").asText());
                    if (answer != null) {
                        answer.complete(body);
                        return;
                    }
                }
            } catch (Exception e) {
                LOG.debugf("Unreadable dynamic-security response: %s", e.getClass().getSimpleName());
            }
        });
        return fresh.connect(address.port(), address.host())
                .compose(ack -> fresh.subscribe(RESPONSE, MqttQoS.AT_LEAST_ONCE.value()))
                .map(id -> {
                    client = fresh;
                    return fresh;
                });
    }

    @PreDestroy
    void close() {
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
    }
}
