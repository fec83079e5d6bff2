package io.joystick.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.joystick.auth.testapp.MosquittoProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Mosquitto 2 on a free port of 127.0.0.1 with its own dynamic-security file (admin {@value #ADMIN}); the
 * machine's own broker is never used.
 */
public class MosquittoBroker implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN = "fleet-admin";
    public static final String ADMIN_PASSWORD = "fleet-admin-password";

    public static volatile int port;
    /** The broker of the test class running now, for tests that stop and start it again. */
    private static volatile MosquittoBroker current;
    private MosquittoProcess broker;
    private boolean persistence;

    /** {@code persistence=true}: sessions and subscriptions are saved to disk and restored when it starts again. */
    @Override
    public void init(Map<String, String> args) {
        persistence = Boolean.parseBoolean(args.getOrDefault("persistence", "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "mosquitto-");
            broker = new MosquittoProcess(dir, ADMIN, ADMIN_PASSWORD, persistence, 10_000);
            port = broker.port;
            broker.start();
            current = this;
            return Map.of("joystick.mqtt.url", broker.url(), "joystick.mqtt.admin-user", ADMIN,
                    "joystick.mqtt.admin-password", ADMIN_PASSWORD, "joystick.mqtt.device-url", broker.url());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Mosquitto", e);
        }
    }

    /** Stops the running test class's broker (it saves its sessions when persistence is on). */
    public static void halt() {
        current.stop();
    }

    /** Starts the running test class's broker again on the same port with the same files. */
    public static void resume() throws Exception {
        current.broker.start();
    }

    @Override
    public void stop() {
        try {
            broker.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
