package io.joystick.suite.story;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.joystick.auth.testapp.MosquittoProcess;

/**
 * A real Mosquitto 2 (Debian's {@code mosquitto}) on a free port of 127.0.0.1 with its own dynamic-security file
 * and the admin account fleet-service administers it with. It persists its sessions on disk, as a production
 * broker does, so it can be stopped and started again on the same port without losing a persistent session.
 */
public final class Mosquitto implements AutoCloseable {

    public static final String ADMIN = "joystick-fleet";
    public static final String ADMIN_PASSWORD = "fleet-admin-password-of-the-suite";

    private final MosquittoProcess broker;
    public final int port;

    public Mosquitto(Path dir) throws Exception {
        broker = new MosquittoProcess(dir, ADMIN, ADMIN_PASSWORD, true, 100_000);
        port = broker.port;
        start();
    }

    /**
     * The environment of the one fleet-service instance that administers and consumes this broker: a plain
     * subscription, which Mosquitto 2.0 restores after its restart (a shared one it does not, and what the edge
     * sends before fleet-service subscribes again would be lost; fleet-service/README.md, Ingest).
     */
    public Map<String, String> fleetServiceEnvironment(String clientId) {
        Map<String, String> env = new HashMap<>();
        env.put("JOYSTICK_MQTT_URL", url());
        env.put("JOYSTICK_MQTT_ADMIN_USER", ADMIN);
        env.put("JOYSTICK_MQTT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JOYSTICK_MQTT_CLIENT_ID", clientId);
        env.put("JOYSTICK_MQTT_SHARED", "false");
        return env;
    }

    public String url() {
        return broker.url();
    }

    public void start() throws Exception {
        broker.start();
    }

    /** A clean stop (SIGTERM): Mosquitto saves its sessions and closes every connection. */
    public void stop() throws InterruptedException {
        broker.stop();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
