package io.joystick.auth.testapp;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto 2 (Debian's {@code mosquitto} and {@code mosquitto_ctrl}) on a free port of 127.0.0.1, with its
 * own dynamic-security file and admin account in its own directory; the machine's broker is never used. With
 * persistence it saves sessions and subscriptions there and restores them when started again on the same port.
 */
public final class MosquittoProcess implements AutoCloseable {

    private static final String PLUGIN = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";

    public final int port;
    private final Path dir;
    private final Path conf;
    private Process process;

    /** Writes the configuration and the dynamic-security file; {@link #start()} starts the broker. */
    public MosquittoProcess(Path dir, String admin, String adminPassword, boolean persistence, int maxQueuedMessages)
            throws Exception {
        this.port = PackagedService.freePort();
        this.dir = Files.createDirectories(dir).toAbsolutePath();
        Path dynsec = this.dir.resolve("dynamic-security.json");
        Files.deleteIfExists(dynsec);
        run(List.of("mosquitto_ctrl", "dynsec", "init", dynsec.toString(), admin, adminPassword));
        conf = this.dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "per_listener_settings false",
                // Started as root, Mosquitto would switch to its own user and could not save its files.
                "user " + System.getProperty("user.name"),
                "allow_anonymous false",
                "listener " + port + " 127.0.0.1",
                "plugin " + PLUGIN,
                "plugin_opt_config_file " + dynsec,
                "persistence " + persistence,
                "persistence_location " + this.dir + "/",
                "autosave_interval 1",
                "max_queued_messages " + maxQueuedMessages,
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice", ""));
    }

    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    /** Starts it (again, on the same port and files) and waits until it accepts connections. */
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
