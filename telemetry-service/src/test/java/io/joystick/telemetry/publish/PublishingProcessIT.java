package io.joystick.telemetry.publish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.testapp.TestKeys;
import io.joystick.telemetry.publish.MosquittoBroker.Message;
import io.joystick.telemetry.publish.MosquittoBroker.Subscriber;

/**
 * The packaged service as a process on a device: killed with SIGKILL, the broker says {@code offline} for it
 * (the last will); killed while the broker is away, it still has its queue when it comes back.
 */
class PublishingProcessIT {

    static final String DEVICE = "edge-it";
    static final String DEVICE_PASSWORD = "device-it-secret";
    /** Not the kit's key: the packaged service runs in prod, so this proves it takes JOYSTICK_API_KEY. */
    static final String API_KEY = "it-service-key-0123456789abcdef";
    static final String PRESENCE = "joystick/devices/" + DEVICE + "/presence";
    static final String GPS = "joystick/devices/" + DEVICE + "/telemetry/gps";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    MosquittoBroker broker;
    Process service;
    int httpPort;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void broker() throws IOException {
        broker = MosquittoBroker.start(dir.resolve("broker"),
                Map.of(DEVICE, DEVICE_PASSWORD, "observer", "observer-secret"));
        KeyPair keys = TestKeys.generate();
        Files.writeString(dir.resolve("jwks.json"), TestKeys.jwks(List.of("it"), List.of(keys)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        broker.close();
    }

    @Test
    void saysOfflineThroughItsLastWillWhenKilled() throws Exception {
        startService();
        Subscriber presence = broker.subscribe("observer", "observer-secret", PRESENCE, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> payloads(presence).contains("online"));

        service.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9: no goodbye
        await().atMost(Duration.ofSeconds(30)).until(() -> payloads(presence).contains("offline"));
        Subscriber later = broker.subscribe("observer", "observer-secret", PRESENCE, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !later.messages().isEmpty());
        Message retained = later.messages().get(0);
        assertTrue(retained.retained() && retained.payload().equals("offline"), later.output());
    }

    @Test
    void refusesToPublishUnderADeviceIdTheFleetWouldRefuseAndServesOn() throws Exception {
        startService(Map.of("TELEMETRY_PUBLISH_DEVICE_ID", "truck 7/a"));
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/gps", 200) != null);
        String log = Files.readString(dir.resolve("service.log"));
        assertTrue(log.contains("ERROR")
                && log.contains("Telemetry is NOT published: TELEMETRY_PUBLISH_DEVICE_ID must be"), log);
        assertTrue(get("/q/health/well", 503) != null, "the publishing check is DOWN");
        Subscriber anything = broker.subscribe("observer", "observer-secret", "joystick/#", null);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> anything.messages().isEmpty());
    }

    @Test
    void saysOfflineItselfWhenStopped() throws Exception {
        startService();
        Subscriber presence = broker.subscribe("observer", "observer-secret", PRESENCE, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> payloads(presence).contains("online"));

        service.destroy(); // SIGTERM: a clean MQTT disconnect, which sends no last will
        assertTrue(service.waitFor(30, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(10)).until(() -> payloads(presence).contains("offline"));
    }

    @Test
    void keepsWhatItQueuedAcrossAKillWhileTheBrokerWasAway() throws Exception {
        Subscriber gps = broker.subscribe("observer", "observer-secret", GPS, "observer-it");
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.log().contains("as observer-it"));
        broker.stop();

        startService();
        Set<String> taken = new LinkedHashSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            taken.add((String) JSON.readValue(get("/api/gps", 200), Map.class).get("timestamp"));
            return taken.size() >= 4;
        });
        // everything shown by the API so far has reached the queue
        await().atMost(Duration.ofSeconds(10)).until(() -> queued() >= taken.size());
        service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        service = null;

        broker.start();
        startService();
        await().atMost(Duration.ofSeconds(60)).until(() -> timestamps(gps).containsAll(taken));
        List<String> received = timestamps(gps);
        for (int i = 1; i < received.size(); i++) {
            assertTrue(Instant.parse(received.get(i - 1)).isBefore(Instant.parse(received.get(i))),
                    "in the order taken: " + received);
        }
    }

    private void startService() throws Exception {
        startService(Map.of());
    }

    private void startService(Map<String, String> overrides) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            httpPort = socket.getLocalPort();
        }
        String jar = System.getProperty("joystick.app.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", jar).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("JOYSTICK_API_KEY", API_KEY);
        env.put("JOYSTICK_DATA_DIR", dir.resolve("data").toString());
        env.put("JOYSTICK_JWKS_FILE", dir.resolve("jwks.json").toString());
        env.put("JOYSTICK_AUTH_URL", "http://127.0.0.1:1");
        env.put("TELEMETRY_PUBLISH_URL", broker.url());
        env.put("TELEMETRY_PUBLISH_DEVICE_ID", DEVICE);
        env.put("TELEMETRY_PUBLISH_USERNAME", DEVICE);
        env.put("TELEMETRY_PUBLISH_PASSWORD", DEVICE_PASSWORD);
        env.put("TELEMETRY_PUBLISH_INTERVAL", "200ms");
        env.put("TELEMETRY_PUBLISH_RECONNECT_INITIAL_DELAY", "200ms");
        env.put("TELEMETRY_PUBLISH_RECONNECT_MAX_DELAY", "1s");
        env.putAll(overrides);
        service = builder.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(dir.resolve("service.log")));
            }
            return get("/api/health", -1) != null;
        });
    }

    /** The body when the status is {@code expected} (any 2xx for -1), else null. */
    private String get(String path, int expected) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                            .header("X-API-Key", API_KEY).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ok = expected < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
            return ok ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private long queued() throws IOException {
        String body = get("/q/health/well", -1);
        if (body == null) {
            return -1;
        }
        List<Map<String, Object>> checks = (List<Map<String, Object>>) JSON.readValue(body, Map.class).get("checks");
        for (Map<String, Object> check : checks) {
            if ("telemetry-publish".equals(check.get("name"))) {
                return ((Number) ((Map<String, Object>) check.get("data")).get("queued")).longValue();
            }
        }
        return -1;
    }

    private static List<String> payloads(Subscriber subscriber) {
        return subscriber.messages().stream().map(Message::payload).toList();
    }

    private static List<String> timestamps(Subscriber subscriber) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        for (Message message : subscriber.messages()) {
            seen.add((String) JSON.readValue(message.json(), Map.class).get("timestamp"));
        }
        return new ArrayList<>(seen);
    }
}
