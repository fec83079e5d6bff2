package io.joystick.notification.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One notification-service started from the packaged jar, as an operator starts it, on a free port. */
final class RunningInstance implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private RunningInstance(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static RunningInstance start(String name, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", System.getProperty("joystick.app.jar"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("JOYSTICK_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        RunningInstance instance = new RunningInstance(builder.start(), log, port);
        instance.awaitReady(Duration.ofSeconds(120));
        return instance;
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + port + pathAndQuery);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(http("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("notification-service did not become ready:\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
