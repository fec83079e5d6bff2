package io.joystick.fleet;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Mosquitto 2 on a free port of 127.0.0.1 with its own dynamic-security file (admin {@value #ADMIN}); the
 * machine's own broker is never used.
 */
public class MosquittoBroker implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN = "fleet-admin";
    public static final String ADMIN_PASSWORD = "fleet-admin-password";
    private static final String PLUGIN = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";

    public static volatile int port;
    /** The broker of the test class running now, for tests that stop and start it again. */
    private static volatile MosquittoBroker current;
    private Process process;
    private Path conf;
    private Path dir;
    private boolean persistence;

    /** {@code persistence=true}: sessions and subscriptions are saved to disk and restored when it starts again. */
    @Override
    public void init(Map<String, String> args) {
        persistence = Boolean.parseBoolean(args.getOrDefault("persistence", "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            port = freePort();
            dir = Files.createDirectories(Path.of("target", "mosquitto-" + port)).toAbsolutePath();
            Path dynsec = dir.resolve("dynamic-security.json");
            Files.deleteIfExists(dynsec);
            run(List.of("mosquitto_ctrl", "dynsec", "init", dynsec.toString(), ADMIN, ADMIN_PASSWORD));
            conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "per_listener_settings false",
                    // Started as root, Mosquitto would switch to its own user and could not save the file.
                    "user " + System.getProperty("user.name"),
                    "allow_anonymous false",
                    "listener " + port + " 127.0.0.1",
                    "plugin " + PLUGIN,
                    "plugin_opt_config_file " + dynsec,
                    "persistence " + persistence,
                    "persistence_location " + dir + "/",
                    "autosave_interval 1",
                    "max_queued_messages 10000",
                    "log_dest stdout",
                    "log_type error", ""));
            launch();
            current = this;
            return Map.of("joystick.mqtt.url", "mqtt://127.0.0.1:" + port, "joystick.mqtt.admin-user", ADMIN,
                    "joystick.mqtt.admin-password", ADMIN_PASSWORD, "joystick.mqtt.device-url",
                    "mqtt://127.0.0.1:" + port);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Mosquitto", e);
        }
    }

    private void launch() throws Exception {
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        waitForPort(port);
    }

    /** Stops the running test class's broker (it saves its sessions when persistence is on). */
    public static void halt() {
        current.stop();
    }

    /** Starts the running test class's broker again on the same port with the same files. */
    public static void resume() throws Exception {
        current.launch();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void waitForPort(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Broker did not open port " + port);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
    }
}
