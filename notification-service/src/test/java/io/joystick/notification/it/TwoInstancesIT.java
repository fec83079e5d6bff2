package io.joystick.notification.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.auth.testapp.TestKeys;

/**
 * Two instances of the packaged service on one PostgreSQL database: a client connected to either gets
 * what was sent to the other (LISTEN/NOTIFY). Runs when {@code joystick.it.postgres-url} names a fresh
 * database and the jar was built with {@code -Dquarkus.datasource.db-kind=postgresql} (.ci/run does both).
 */
class TwoInstancesIT {

    private static final String API_KEY = "it-notification-key-7d1e93";
    private static final String KID = "it-key";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aClientOnOneInstanceReceivesWhatWasSentToTheOther() throws Exception {
        String url = System.getProperty("joystick.it.postgres-url", "");
        assumeTrue(!url.isBlank(), "Skipped: needs PostgreSQL; .ci/run's PostgreSQL pass runs it with -Djoystick.it.postgres-url=…");

        KeyPair signing = TestKeys.generate();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.jwks(List.of(KID), List.of(signing)));
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("joystick.it.postgres-user", "postgres"));
        env.put("JOYSTICK_API_KEY", API_KEY);
        env.put("JOYSTICK_JWKS_FILE", jwks.toString());
        env.put("JOYSTICK_REVOCATION_POLL_ENABLED", "false");
        env.put("JOYSTICK_DEVICE_URL", "http://127.0.0.1:9");
        env.put("JOYSTICK_DATA_DIR", dir.resolve("data").toString());

        try (PackagedService a = start("notification-service-a", env);
                PackagedService b = start("notification-service-b", env)) {
            String token = TestKeys.sign(TestKeys.claims("ana", Set.of()), KID, signing);
            List<String> onA = new CopyOnWriteArrayList<>();
            List<String> onB = new CopyOnWriteArrayList<>();
            WebSocket clientOnA = connect(URI.create("ws://127.0.0.1:" + a.port + "/notifications?token=" + token), onA);
            WebSocket clientOnB = connect(URI.create("ws://127.0.0.1:" + b.port + "/notifications?token=" + token), onB);

            String sentToB = send(b, "{\"type\":\"info\",\"title\":\"via B\",\"message\":\"m\",\"userId\":\"ana\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> contains(onA, sentToB) && contains(onB, sentToB));

            String sentToA = send(a, "{\"type\":\"warning\",\"title\":\"via A\",\"message\":\"m\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> contains(onA, sentToA) && contains(onB, sentToA));

            assertEquals(1, onA.stream().filter(m -> m.contains(sentToB)).count(), "delivered once per connection");
            clientOnA.abort();
            clientOnB.abort();
        }
    }

    private PackagedService start(String name, Map<String, String> env) throws Exception {
        PackagedService.Launch launch = new PackagedService.Launch(name, PackagedService.appJar(), dir, env);
        return PackagedService.start(launch.withJvmOptions("-Xmx256m")).awaitReady(Duration.ofSeconds(120));
    }

    private String send(PackagedService instance, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(instance.uri("/api/notifications/send"))
                .header("X-API-Key", API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replaceAll(".*\"notificationId\":\"([^\"]+)\".*", "$1");
    }

    private static boolean contains(List<String> messages, String id) {
        return messages.stream().anyMatch(m -> m.contains("\"id\":\"" + id + "\""));
    }

    private WebSocket connect(URI uri, List<String> into) throws Exception {
        return http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                into.add(data.toString());
                socket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
