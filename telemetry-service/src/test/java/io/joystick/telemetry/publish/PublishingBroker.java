package io.joystick.telemetry.publish;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Mosquitto of the test's own with the device's account ({@link #DEVICE}) and an observer's, and the service
 * configured to publish to it from a fresh data directory; quick reconnects so a test waits little.
 */
public class PublishingBroker implements QuarkusTestResourceLifecycleManager {

    public static final String DEVICE = "edge-1";
    public static final String DEVICE_PASSWORD = "device-secret-4711";
    public static final String OBSERVER = "observer";
    public static final String OBSERVER_PASSWORD = "observer-secret";

    static MosquittoBroker broker;
    static Path dir;

    public static MosquittoBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        dir = Path.of("target", "publish-tests", UUID.randomUUID().toString()).toAbsolutePath();
        broker = MosquittoBroker.start(dir.resolve("broker"),
                Map.of(DEVICE, DEVICE_PASSWORD, OBSERVER, OBSERVER_PASSWORD));
        Map<String, String> config = new HashMap<>(Map.of(
                "joystick.data-dir", dir.resolve("data").toString(),
                "telemetry.publish.url", broker.url(),
                "telemetry.publish.device-id", DEVICE,
                "telemetry.publish.username", DEVICE,
                "telemetry.publish.password", passwordToUse(),
                "telemetry.publish.interval", "200ms",
                "telemetry.publish.reconnect.initial-delay", "200ms",
                "telemetry.publish.reconnect.max-delay", "1s",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", serviceLog().toString()));
        config.putAll(more());
        return config;
    }

    /** The service's log. */
    public static Path serviceLog() {
        return dir.resolve("service.log");
    }

    /** Settings a subclass adds or changes. */
    protected Map<String, String> more() {
        return Map.of();
    }

    protected String passwordToUse() {
        return DEVICE_PASSWORD;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
