package io.joystick.suite.story;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.joystick.auth.testapp.PackagedService;

/**
 * A real Mosquitto 2 (Debian's {@code mosquitto}) on a free port of 127.0.0.1 with its own dynamic-security file
 * and the admin account fleet-service administers it with. It persists its sessions on disk, as a production
 * broker does, so it can be stopped and started again on the same port without losing a persistent session.
 */
public final class Mosquitto implements AutoCloseable {

    public static final String ADMIN = "joystick-fleet";
    public static final String ADMIN_PASSWORD = "fleet-admin-password-of-the-suite";
    private static final String PLUGIN = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";

    public final int port;
    private final Path dir;
    private final Path conf;
    private Process process;

    public Mosquitto(Path dir) throws Exception {
        this.port = PackagedService.freePort();
        this.dir = Files.createDirectories(dir);
        Path dynsec = dir.resolve("dynamic-security.json");
        run(List.of("mosquitto_ctrl", "dynsec", "init", dynsec.toString(), ADMIN, ADMIN_PASSWORD));
        conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "per_listener_settings false",
                // Started as root, Mosquitto would switch to its own user and could not save its files.
                "user " + System.getProperty("user.name"),
                "allow_anonymous false",
                "listener " + port + " 127.0.0.1",
                "plugin " + PLUGIN,
                "plugin_opt_config_file " + dynsec,
                "persistence true",
                "persistence_location " + dir + "/",
                "max_queued_messages 100000",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice", ""));
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
        return "mqtt://127.0.0.1:" + port;
    }

    public void start() throws Exception {
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Mosquitto did not open port " + port);
    }

    /** A clean stop (SIGTERM): Mosquitto saves its sessions and closes every connection. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
    }
}
