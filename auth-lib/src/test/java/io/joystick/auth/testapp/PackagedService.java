package io.joystick.auth.testapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * For other modules' tests: a packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) started as
 * an operator starts it, {@code java -jar} configured by environment variables, with its output in
 * {@code <directory>/<name>.log}. A log already there (the instance's before a restart, or an earlier test's) is
 * kept as {@code <name>.log.<n>}, so what a killed service wrote stays readable.
 */
public final class PackagedService implements AutoCloseable {

    /** Inherited variables the services read: removed, so a service sees only the settings its test gives it. */
    private static final List<String> SETTING_PREFIXES = List.of("JOYSTICK_", "QUARKUS_", "SLOT_");
    private static final int TAIL_LINES = 40;

    public final String name;
    public final int port;
    private final Process process;
    private final Path log;

    private PackagedService(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** What to start: {@code jar} run in {@code directory} on {@code port} (0: a free one), after the JVM options. */
    public record Launch(String name, Path jar, Path directory, Map<String, String> env, int port,
            List<String> jvmOptions) {

        public Launch {
            env = Map.copyOf(env);
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Launch(String name, Path jar, Path directory, Map<String, String> env) {
            this(name, jar, directory, env, 0, List.of());
        }

        public Launch withPort(int port) {
            return new Launch(name, jar, directory, env, port, jvmOptions);
        }

        public Launch withJvmOptions(String... options) {
            return new Launch(name, jar, directory, env, port, List.of(options));
        }
    }

    /** The jar of the module under test, which failsafe names in {@code joystick.app.jar}. */
    public static Path appJar() {
        String jar = System.getProperty("joystick.app.jar");
        if (jar == null) {
            throw new IllegalStateException("joystick.app.jar is not set: run this test with failsafe (./mvnw verify)");
        }
        return Path.of(jar);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the service and returns at once; {@link #awaitReady} waits for it. */
    public static PackagedService start(Launch launch) throws IOException {
        Path jar = launch.jar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package its module first"
                    + " (./mvnw -B package -DskipTests -pl <module>)");
        }
        Path log = Files.createDirectories(launch.directory()).resolve(launch.name() + ".log");
        keepEarlier(log);
        int port = launch.port() == 0 ? freePort() : launch.port();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(launch.directory().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> SETTING_PREFIXES.stream().anyMatch(key::startsWith));
        builder.environment().putAll(launch.env());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new PackagedService(launch.name(), port, builder.start(), log);
    }

    private static void keepEarlier(Path log) throws IOException {
        if (Files.exists(log)) {
            int n = 1;
            while (Files.exists(log.resolveSibling(log.getFileName() + "." + n))) {
                n++;
            }
            Files.move(log, log.resolveSibling(log.getFileName() + "." + n));
        }
    }

    /**
     * Until {@code /q/health/ready} answers 200. Fails with the end of the log when the service exits first, or
     * stops it and fails when it is not ready within {@code limit}.
     */
    public PackagedService awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " during start:\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + limit + ":\n" + tail());
    }

    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** Everything the service has written to stdout and stderr. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri(String path) {
        return URI.create(url() + path);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown hooks, no goodbye on any connection. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the service, killing it if it has not stopped within 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
