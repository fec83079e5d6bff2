package io.joystick.telemetry.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.joystick.telemetry.codec.TelemetryCodec;

/**
 * A real Mosquitto ({@code /usr/sbin/mosquitto}, Debian package {@code mosquitto}) of the test's own, on a free
 * port of 127.0.0.1, with a password file made by {@code mosquitto_passwd} (no anonymous access) and persistence
 * in its directory, so that {@link #stop()} and {@link #start()} keep persistent sessions as a real restart does.
 * {@link #subscribe} runs {@code mosquitto_sub} (package {@code mosquitto-clients}) and records what it receives.
 */
public final class MosquittoBroker implements AutoCloseable {

    public static final String BROKER = "/usr/sbin/mosquitto";

    private final Path dir;
    private final int port;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private Process process;

    private MosquittoBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker in {@code dir} that lets in exactly these users (name → password). */
    public static MosquittoBroker start(Path dir, Map<String, String> users) {
        try {
            Files.createDirectories(dir);
            Path passwords = dir.resolve("passwd");
            Files.deleteIfExists(passwords);
            Files.createFile(passwords);
            for (Map.Entry<String, String> user : users.entrySet()) {
                run("mosquitto_passwd", "-b", passwords.toString(), user.getKey(), user.getValue());
            }
            int port = freePort();
            Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous false",
                    "password_file " + passwords,
                    "persistence true",
                    "persistence_location " + dir + "/",
                    // started as root, mosquitto would switch to the user "mosquitto", who cannot write here
                    "user " + System.getProperty("user.name"),
                    "log_type error", "log_type warning", "log_type notice", "log_type information",
                    ""), StandardCharsets.UTF_8);
            MosquittoBroker broker = new MosquittoBroker(dir, port);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** (Re)starts the broker on its port, with what it persisted. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(BROKER, "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("mosquitto could not start (apt-get install mosquitto)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not start on port " + port + ": " + log());
            }
            sleep(20);
        }
    }

    /** Stops the broker as a service manager would (it saves its persistence file). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * A {@code mosquitto_sub} at QoS 1 printing {@code <retain> <qos> <topic> <payload in hex>} per message; with a
     * client id it keeps a persistent session (messages published while it is away wait for it), and it
     * reconnects by itself after the broker restarts.
     */
    public Subscriber subscribe(String user, String password, String topic, String clientId) {
        List<String> command = new ArrayList<>(List.of("stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-u", user, "-P", password, "-q", "1", "-t", topic, "-F", "%r %q %t %x"));
        if (clientId != null) {
            command.addAll(List.of("-i", clientId, "-c"));
        }
        try {
            Path out = Files.createTempFile(dir, "sub-", ".txt");
            Process sub = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
            Subscriber subscriber = new Subscriber(sub, out);
            subscribers.add(subscriber);
            return subscriber;
        } catch (IOException e) {
            throw new UncheckedIOException("mosquitto_sub could not start (apt-get install mosquitto-clients)", e);
        }
    }

    @Override
    public synchronized void close() {
        subscribers.forEach(Subscriber::close);
        subscribers.clear();
        stop();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command[0]) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One message as {@code mosquitto_sub} printed it. */
    public record Message(boolean retained, int qos, String topic, byte[] bytes) {

        /** The payload as text (presence). */
        public String payload() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** A reading's JSON, in whichever encoding it was published. */
        public String json() {
            try {
                return new String(TelemetryCodec.decode(bytes, 4096), StandardCharsets.UTF_8);
            } catch (TelemetryCodec.DecodeException e) {
                throw new IllegalStateException(topic + ": " + e.getMessage(), e);
            }
        }
    }

    /** What one {@code mosquitto_sub} received so far. */
    public static final class Subscriber implements AutoCloseable {
        private final Process process;
        private final Path out;

        Subscriber(Process process, Path out) {
            this.process = process;
            this.out = out;
        }

        public List<Message> messages() {
            try {
                List<Message> messages = new ArrayList<>();
                for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                    String[] fields = line.split(" ", 4);
                    if (fields.length == 4 && fields[0].matches("[01]") && fields[1].matches("[012]")
                            && fields[3].matches("([0-9a-f]{2})*")) {
                        messages.add(new Message(fields[0].equals("1"), Integer.parseInt(fields[1]), fields[2],
                                HexFormat.of().parseHex(fields[3])));
                    }
                }
                return messages;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What it printed, messages and errors. */
        public String output() {
            try {
                return Files.readString(out);
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
