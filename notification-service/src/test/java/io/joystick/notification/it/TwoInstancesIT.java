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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * The database is shared by the tests: each looks only at its own user's notifications.
 */
class TwoInstancesIT {

    private static final String KID = "it-key";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final String url = System.getProperty("joystick.it.postgres-url", "");
    private final KeyPair signing = TestKeys.generate();

    @Test
    void aClientOnOneInstanceReceivesWhatWasSentToTheOther() throws Exception {
        Map<String, String> env = environment();
        try (PackagedService a = start("notification-service-a", env);
                PackagedService b = start("notification-service-b", env);
                Client onA = connect(a, "ana");
                Client onB = connect(b, "ana")) {
            awaitRegistered(a, b);
            String sentToB = send(b, "{\"type\":\"info\",\"title\":\"via B\",\"message\":\"m\",\"userId\":\"ana\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> onA.got(sentToB) && onB.got(sentToB));

            String sentToA = send(a, "{\"type\":\"warning\",\"title\":\"via A\",\"message\":\"m\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> onA.got(sentToA) && onB.got(sentToA));

            assertEquals(1, onA.count(sentToB), "delivered once per connection");
        }
    }

    @Test
    void whatWasSentWhileAnInstanceWasNotListeningReachesItsClientsOnceItListensAgain() throws Exception {
        Map<String, String> env = environment();
        env.put("JOYSTICK_NOTIFICATION_FANOUT_RECONNECT_DELAY", "4s");
        try (PackagedService a = start("notification-service-a", env);
                PackagedService b = start("notification-service-b", env);
                Client onA = connect(a, "ben");
                Client onB = connect(b, "ben")) {
            awaitRegistered(a, b);
            String before = send(b, "{\"type\":\"info\",\"title\":\"before\",\"message\":\"m\",\"userId\":\"ben\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> onA.got(before));

            assertEquals(2, terminateListenConnections(), "both instances' LISTEN connections");
            await().atMost(Duration.ofSeconds(3)).until(() -> readiness(a) == 503);
            String duringTheGap = send(b, "{\"type\":\"info\",\"title\":\"gap\",\"message\":\"m\",\"userId\":\"ben\"}");

            await().atMost(Duration.ofSeconds(20)).until(() -> onA.got(duringTheGap));
            await().atMost(Duration.ofSeconds(10)).until(() -> readiness(a) == 200 && readiness(b) == 200);
            String after = send(b, "{\"type\":\"info\",\"title\":\"after\",\"message\":\"m\",\"userId\":\"ben\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> onA.got(after) && onB.got(after));
            assertEquals(1, onA.count(duringTheGap), "delivered once per connection");
            assertEquals(1, onB.count(duringTheGap), "the instance that took it pushed it once");
        }
    }

    private Map<String, String> environment() throws Exception {
        assumeTrue(!url.isBlank(),
                "Skipped: needs PostgreSQL; .ci/run's PostgreSQL pass runs it with -Djoystick.it.postgres-url=…");
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.jwks(List.of(KID), List.of(signing)));
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", user());
        env.put("JOYSTICK_API_KEY", TestKeys.SERVICE_KEY);
        env.put("JOYSTICK_JWKS_FILE", jwks.toString());
        env.put("JOYSTICK_REVOCATION_POLL_ENABLED", "false");
        env.put("JOYSTICK_DEVICE_URL", "http://127.0.0.1:9");
        env.put("JOYSTICK_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    private static String user() {
        return System.getProperty("joystick.it.postgres-user", "postgres");
    }

    /** What a restarted PostgreSQL or a dropped link does to the instances' LISTEN connections. */
    private int terminateListenConnections() throws Exception {
        try (Connection db = DriverManager.getConnection(url, user(), "");
                ResultSet killed = db.createStatement()
                        .executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND query LIKE 'LISTEN%'")) {
            killed.next();
            return killed.getInt(1);
        }
    }

    private int readiness(PackagedService instance) throws Exception {
        return http
                .send(HttpRequest.newBuilder(instance.uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private PackagedService start(String name, Map<String, String> env) throws Exception {
        PackagedService.Launch launch = new PackagedService.Launch(name, PackagedService.appJar(), dir, env);
        return PackagedService.start(launch.withJvmOptions("-Xmx256m")).awaitReady(Duration.ofSeconds(120));
    }

    /**
     * Waits until each instance has registered its one client's socket: a handshake can complete before that, and
     * a notification sent meanwhile would not reach it. The instances count their sockets on /q/metrics.
     */
    private void awaitRegistered(PackagedService... instances) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (PackagedService instance : instances) {
                if (openSockets(instance) != 1) {
                    return false;
                }
            }
            return true;
        });
    }

    private double openSockets(PackagedService instance) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(instance.uri("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("joystick_notification_websocket_connections"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private String send(PackagedService instance, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(instance.uri("/api/notifications/send"))
                .header("X-API-Key", TestKeys.SERVICE_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replaceAll(".*\"notificationId\":\"([^\"]+)\".*", "$1");
    }

    private Client connect(PackagedService instance, String user) throws Exception {
        String token = TestKeys.sign(TestKeys.claims(user, Set.of()), KID, signing);
        URI uri = URI.create("ws://127.0.0.1:" + instance.port + "/notifications?token=" + token);
        List<String> messages = new CopyOnWriteArrayList<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                messages.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        return new Client(socket, messages);
    }

    /** A user's WebSocket on one instance and every message it received. */
    private record Client(WebSocket socket, List<String> messages) implements AutoCloseable {

        boolean got(String id) {
            return count(id) > 0;
        }

        long count(String id) {
            return messages.stream().filter(m -> m.contains("\"id\":\"" + id + "\"")).count();
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
