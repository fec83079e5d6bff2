package io.joystick.fleet.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.fleet.DeviceMqtt;
import io.joystick.fleet.DeviceServiceMock;
import io.joystick.fleet.Fixtures;
import io.joystick.fleet.MosquittoBroker;

/**
 * Two instances of the packaged service on one PostgreSQL database and one Mosquitto divide the devices'
 * messages between them (the shared subscription) and together store every one, also while one of them is
 * stopped for a while. Runs when {@code joystick.it.postgres-url} names a fresh database and the jar was built
 * with {@code -Dquarkus.datasource.db-kind=postgresql} (.ci/run's PostgreSQL pass does both).
 */
class TwoInstancesIT {

    private static final List<String> DEVICES = List.of("cam-1", "cam-4", "cam-5");
    private static final int PER_DEVICE_AND_BATCH = 100;
    private static final Pattern STORED =
            Pattern.compile("(?m)^fleet_readings_stored_total(?:\\{[^}]*})? ([0-9.eE+]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url = System.getProperty("joystick.it.postgres-url", "");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void twoInstancesShareTheMessagesAndLoseNoneWhileOneIsStopped() throws Exception {
        assumeTrue(!url.isBlank(),
                "Skipped: needs PostgreSQL; .ci/run's PostgreSQL pass runs it with -Djoystick.it.postgres-url=…");
        MosquittoBroker broker = new MosquittoBroker();
        DeviceServiceMock devices = new DeviceServiceMock();
        Map<String, String> mqtt = broker.start();
        devices.start();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PackagedService a = start("fleet-a", mqtt)) {
            Map<String, DeviceMqtt> edges = new HashMap<>();
            try (PackagedService b = start("fleet-b", mqtt)) {
                for (String device : DEVICES) {
                    edges.put(device, DeviceMqtt.connect(credentials(a, device), "edge-" + device));
                }
                publish(edges, from, 0);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> stored(a) + stored(b) == DEVICES.size() * PER_DEVICE_AND_BATCH);
                assertTrue(stored(a) > 0 && stored(b) > 0,
                        "both instances stored a share: " + stored(a) + " and " + stored(b));
            }
            // b away (stopped above): its persistent session keeps its share until it is back
            publish(edges, from, PER_DEVICE_AND_BATCH);
            for (DeviceMqtt edge : edges.values()) {
                edge.close();
            }
            try (PackagedService b = start("fleet-b", mqtt)) {
                // every reading once, in order, whichever instance is asked
                await().atMost(Duration.ofSeconds(60)).until(() -> DEVICES.stream()
                        .allMatch(device -> total(a, device, from) == 2 * PER_DEVICE_AND_BATCH));
                for (String device : DEVICES) {
                    assertEquals(2 * PER_DEVICE_AND_BATCH, total(b, device, from), device + " through b");
                    JsonNode items = history(a, device, from).path("items");
                    for (int i = 0; i < items.size(); i++) {
                        assertEquals(i, Math.round(items.get(i).path("latitude").asDouble() * 10),
                                device + " reading " + i);
                    }
                }
            }
        } finally {
            broker.stop();
            devices.stop();
        }
    }

    private void publish(Map<String, DeviceMqtt> edges, Instant from, int first) throws Exception {
        for (int i = first; i < first + PER_DEVICE_AND_BATCH; i++) {
            for (Map.Entry<String, DeviceMqtt> edge : edges.entrySet()) {
                edge.getValue().publish("joystick/devices/" + edge.getKey() + "/telemetry/gps",
                        Fixtures.gps(i / 10.0, from.plusMillis(10L * i)));
            }
        }
    }

    private PackagedService start(String name, Map<String, String> mqtt) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        if (!Files.exists(jwks)) {
            Files.writeString(jwks, TestKeys.jwks(List.of("it-key"), List.of(TestKeys.generate())));
        }
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("joystick.it.postgres-user", "postgres"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("JOYSTICK_API_KEY", TestKeys.SERVICE_KEY);
        env.put("JOYSTICK_JWKS_FILE", jwks.toString());
        env.put("JOYSTICK_REVOCATION_POLL_ENABLED", "false");
        env.put("JOYSTICK_DEVICE_URL", DeviceServiceMock.server.baseUrl());
        env.put("JOYSTICK_NOTIFICATION_URL", DeviceServiceMock.server.baseUrl());
        env.put("JOYSTICK_DATA_DIR", dir.resolve(name).toString());
        env.put("JOYSTICK_MQTT_URL", mqtt.get("joystick.mqtt.url"));
        env.put("JOYSTICK_MQTT_ADMIN_USER", mqtt.get("joystick.mqtt.admin-user"));
        env.put("JOYSTICK_MQTT_ADMIN_PASSWORD", mqtt.get("joystick.mqtt.admin-password"));
        env.put("JOYSTICK_MQTT_CLIENT_ID", "joystick-" + name);
        PackagedService.Launch launch =
                new PackagedService.Launch(name, PackagedService.appJar(), Path.of("target", "it-logs"), env)
                        .withJvmOptions("-Xmx192m");
        return PackagedService.start(launch).awaitReady(Duration.ofSeconds(90));
    }

    private DeviceMqtt.Account credentials(PackagedService fleet, String device) throws Exception {
        JsonNode body = JSON
                .readTree(send(fleet, HttpRequest.newBuilder(fleet.uri("/api/fleet/devices/" + device + "/credentials"))
                        .POST(HttpRequest.BodyPublishers.noBody()), 200));
        return new DeviceMqtt.Account(body.path("url").asText(), body.path("username").asText(),
                body.path("password").asText());
    }

    private JsonNode history(PackagedService fleet, String device, Instant from) throws Exception {
        return JSON.readTree(send(fleet,
                HttpRequest.newBuilder(fleet.uri("/api/fleet/devices/" + device + "/gps/history?max=10000&from="
                        + from + "&to=" + from.plusSeconds(60))).GET(),
                200));
    }

    private int total(PackagedService fleet, String device, Instant from) {
        try {
            return history(fleet, device, from).path("total").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Readings this instance added to the history. */
    private long stored(PackagedService fleet) throws Exception {
        Matcher matcher = STORED.matcher(send(fleet, HttpRequest.newBuilder(fleet.uri("/q/metrics")).GET(), 200));
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    private String send(PackagedService fleet, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.header("X-API-Key", TestKeys.SERVICE_KEY)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), fleet.name + ": " + response.body());
        return response.body();
    }
}
