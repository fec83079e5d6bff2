package io.joystick.fleet.broker.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.joystick.fleet.credentials.repository.DeviceCredential;
import io.joystick.fleet.ingest.service.Topic;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The local broker (Moquette) on 127.0.0.1:{@code JOYSTICK_MQTT_PORT} when {@code JOYSTICK_MQTT_URL} is unset, with
 * the production rules: fleet-service's admin account reads everything; each device account may publish only under
 * {@code joystick/devices/{its id}/} and read nothing; anonymous clients are refused.
 */
@ApplicationScoped
@Typed(EmbeddedBroker.class)
public class EmbeddedBroker implements BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    private final ConfiguredBroker broker;
    /** Device username → password hash. */
    private final Map<String, String> devices = new ConcurrentHashMap<>();
    /** Connected client id → username, to disconnect a revoked device. */
    private final Map<String, String> connected = new ConcurrentHashMap<>();
    private Server server;

    public EmbeddedBroker(ConfiguredBroker broker) {
        this.broker = broker;
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        if (!broker.embedded()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> DeviceCredential.<DeviceCredential>listAll().stream()
                .filter(row -> row.passwordHash != null).forEach(row -> devices.put(row.username, row.passwordHash)));
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", String.valueOf(broker.address().port()));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "false");
        properties.setProperty("allow_zero_byte_client_id", "false");
        properties.setProperty("persistence_enabled", "false");
        // Moquette reports nothing anywhere: no usage telemetry, no error reports.
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("use_bugsnag", "false");
        properties.setProperty("netty.mqtt.message_size", String.valueOf(64 * 1024));
        server = new Server();
        try {
            server.startServer(new MemoryConfig(properties), List.of(new ConnectionTracker()), null, new Accounts(),
                    new Rules());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded MQTT broker on " + broker.address().url(), e);
        }
        LOG.infof("Embedded MQTT broker listening on %s", broker.address().url());
    }

    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 100) ShutdownEvent event) {
        if (server != null) {
            server.stopServer();
        }
    }

    @Override
    public void createOrRotate(String deviceId, String username, String password) {
        devices.put(username, PasswordHash.of(password));
        disconnect(username);
    }

    @Override
    public void revoke(String deviceId, String username) {
        devices.remove(username);
        disconnect(username);
    }

    private void disconnect(String username) {
        if (server == null) {
            return;
        }
        connected.forEach((clientId, user) -> {
            if (user.equals(username)) {
                server.disconnectAndPurgeClientState(clientId);
            }
        });
    }

    private final class Accounts implements IAuthenticator {
        @Override
        public boolean checkValid(String clientId, String username, byte[] password) {
            if (username == null || password == null) {
                return false;
            }
            String given = new String(password, StandardCharsets.UTF_8);
            if (username.equals(broker.adminUser())) {
                return java.security.MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                        broker.adminPassword().getBytes(StandardCharsets.UTF_8));
            }
            return PasswordHash.matches(given, devices.get(username));
        }
    }

    private final class Rules implements IAuthorizatorPolicy {
        @Override
        public boolean canWrite(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            if (broker.adminUser().equals(user)) {
                return true;
            }
            return user != null && devices.containsKey(user) && user.startsWith("device-")
                    && topic.toString().startsWith(Topic.PREFIX + user.substring("device-".length()) + "/");
        }

        @Override
        public boolean canRead(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            return broker.adminUser().equals(user);
        }
    }

    private final class ConnectionTracker extends AbstractInterceptHandler {
        @Override
        public String getID() {
            return "joystick-connections";
        }

        @Override
        public void onConnect(InterceptConnectMessage message) {
            if (message.getUsername() != null) {
                connected.put(message.getClientID(), message.getUsername());
            }
        }

        @Override
        public void onDisconnect(InterceptDisconnectMessage message) {
            connected.remove(message.getClientID());
        }

        @Override
        public void onConnectionLost(InterceptConnectionLostMessage message) {
            connected.remove(message.getClientID());
        }

        @Override
        public void onSessionLoopError(Throwable error) {
            LOG.warnf("Embedded broker: %s", error.getClass().getSimpleName());
        }
    }
}
