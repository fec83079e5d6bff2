package io.joystick.suite.story;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.auth.testapp.SseClient;

/**
 * Fleet telemetry end to end on the packaged services and a real Mosquitto with dynamic security: a device's
 * telemetry-service (the edge) reads NMEA from a pseudo-terminal and publishes with the credentials
 * fleet-service issued; fleet-service stores it for the device's users. The broker is stopped for
 * {@code joystick.fleet.outage-seconds} (default 20) while the edge keeps reading, and the edge is finally killed.
 * Each step builds on the previous one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetTelemetryIT {

    private static final Path ROOT = Path.of(System.getProperty("joystick.root", "..")).toAbsolutePath().normalize();
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("joystick.fleet.outage-seconds", 20));
    private static final String DEVICE = "truck-7";
    private static final Duration WAIT = Duration.ofSeconds(30);

    Path temp;
    Mosquitto broker;
    Suite suite;
    String fleet;
    NmeaGps gps;
    PackagedService edge;
    NotificationSocket miasSocket;

    String adminToken;
    String miaToken;
    String noahToken;
    String leaToken;

    @BeforeAll
    void startTheServicesAndTheBroker() throws Exception {
        temp = Files.createTempDirectory("joystick-fleet-it");
        broker = new Mosquitto(temp.resolve("mosquitto"));
        suite = new Suite(ROOT, temp.resolve("data"));
        suite.start("auth-service", Map.of("JOYSTICK_ADMIN_EMAIL", Suite.ADMIN_EMAIL,
                "JOYSTICK_ADMIN_PASSWORD", Suite.ADMIN_PASSWORD));
        suite.start("device-service", Map.of());
        suite.start("notification-service", Map.of());
        Map<String, String> env = broker.fleetServiceEnvironment("joystick-fleet-it");
        env.put("FLEET_PRESENCE_DEBOUNCE", "1s");
        fleet = suite.start("fleet-service", "fleet-service", PackagedService.freePort(), env).url();
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable resource : new AutoCloseable[] {miasSocket, edge, gps, suite, broker}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    @Test
    @Order(1)
    void adminSetsUpUsersAndADeviceAndProvisionsItsEdgeWithBrokerCredentials() throws Exception {
        adminToken = login(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        String mia = createUser("mia@fleet.test", List.of("device-gps"));
        createUser("noah@fleet.test", List.of("device-gps"));
        String lea = createUser("lea@fleet.test", List.of("device-imu"));
        miaToken = login("mia@fleet.test", "password of mia@fleet.test");
        noahToken = login("noah@fleet.test", "password of noah@fleet.test");
        leaToken = login("lea@fleet.test", "password of lea@fleet.test");

        Http admin = Http.bearer(adminToken);
        assertEquals(201,
                admin.post(suite.url("device-service") + "/api/models", Map.of("name", "fleet-truck")).status());
        Http.Response device = admin.post(suite.url("device-service") + "/api/devices", Map.of("id", DEVICE,
                "name", "Truck 7", "model", "fleet-truck", "allow", List.of(mia, lea)));
        assertEquals(201, device.status(), device.toString());

        Http.Response credentials =
                Http.apiKey(suite.apiKey).post(fleet + "/api/fleet/devices/" + DEVICE + "/credentials", null);
        assertEquals(200, credentials.status(), credentials.toString());
        JsonNode account = credentials.body();

        gps = new NmeaGps(temp.resolve("tty"));
        Map<String, String> env = gps.edgeEnvironment(DEVICE, account);
        edge = suite.start("telemetry-service", "edge-" + DEVICE, PackagedService.freePort(), env);
    }

    @Test
    @Order(2)
    void anAllowedUserReadsTheEdgesReadingLatestInHistoryAndLive() throws Exception {
        Http mia = Http.bearer(miaToken);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Http.Response latest = mia.get(fleetDevice("/gps"));
            assertEquals(200, latest.status(), latest.toString());
            assertEquals("nmea", latest.body().path("source").asText(), latest.toString());
        });
        Http.Response latest = mia.get(fleetDevice("/gps"));
        assertEquals(13.4, latest.body().path("longitude").asDouble(), 1e-6, latest.toString());

        Http.Response history = mia.get(fleetDevice("/gps/history?max=10000"));
        assertEquals(200, history.status(), history.toString());
        assertTrue(history.body().path("total").asInt() >= 1, history.toString());

        // The stream starts with the latest reading, then each new one as the edge takes it.
        SseClient.Opened stream =
                SseClient.read(URI.create(fleetDevice("/stream?token=" + encode(miaToken))), "gps", 3, WAIT);
        assertEquals(200, stream.status(), "the stream answered " + stream.status());
        List<Integer> fixes = stream.events().stream().filter(e -> "gps".equals(e.name()))
                .map(e -> NmeaGps.fixNumber(json(e.data()).path("latitude").asDouble())).toList();
        assertTrue(fixes.get(2) > fixes.get(0), "new readings arrive live: " + fixes);
    }

    @Test
    @Order(3)
    void aUserWithoutTheGpsPermissionOrNotOnTheAllowListIsRefused() {
        Http.Response withoutPermission = Http.bearer(leaToken).get(fleetDevice("/gps"));
        assertEquals(403, withoutPermission.status(), withoutPermission.toString());
        assertEquals(403, Http.bearer(leaToken).get(fleetDevice("/gps/history")).status());

        Http.Response notAllowed = Http.bearer(noahToken).get(fleetDevice("/gps"));
        assertEquals(403, notAllowed.status(), notAllowed.toString());
        assertEquals(403, Http.bearer(noahToken).get(fleetDevice("/gps/history")).status());
        assertEquals(403, Http.bearer(noahToken).get(fleetDevice("/presence")).status());
    }

    @Test
    @Order(4)
    void everyReadingTakenWhileTheBrokerWasDownArrivesInOrderWithItsTimestampAndOnlyOnce() throws Exception {
        Instant stopped = Instant.now();
        broker.stop();
        int firstDuringOutage = gps.written();
        Thread.sleep(OUTAGE.toMillis()); // the edge keeps reading and queues
        int firstAfterOutage = gps.written();
        Instant restarted = Instant.now();
        broker.start();
        List<Integer> takenDuringOutage = IntStream.range(firstDuringOutage, firstAfterOutage).boxed().toList();
        assertTrue(takenDuringOutage.size() >= OUTAGE.toSeconds(),
                "fixes written during the outage: " + takenDuringOutage);

        String window = fleetDevice(
                "/gps/history?max=10000&from=" + stopped.minusSeconds(1) + "&to=" + Instant.now().plusSeconds(120));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fixes(Http.bearer(miaToken).get(window)).containsAll(takenDuringOutage));

        JsonNode items = Http.bearer(miaToken).get(window).body().path("items");
        List<Integer> fixes = fixes(Http.bearer(miaToken).get(window));
        assertEquals(fixes.stream().distinct().toList(), fixes, "none twice");
        assertEquals(fixes.stream().sorted().toList(), fixes, "in the order taken");
        Instant previous = Instant.MIN;
        for (JsonNode item : items) {
            Instant at = Instant.parse(item.path("timestamp").asText());
            assertTrue(at.isAfter(previous), "timestamps increase: " + items);
            if (takenDuringOutage.contains(NmeaGps.fixNumber(item.path("latitude").asDouble()))) {
                assertTrue(at.isBefore(restarted), "taken during the outage, stamped then: " + item);
            }
            previous = at;
        }
    }

    @Test
    @Order(5)
    void killingTheEdgeMakesItOfflineAndItsUserIsToldOnce() throws Exception {
        miasSocket = new NotificationSocket(suite.url("notification-service"), miaToken);
        await().atMost(WAIT).until(() -> "online".equals(Http.bearer(miaToken).get(fleetDevice("/presence")).body()
                .path("state").asText()));
        // Online for longer than the debounce (1 s): had the edge gone again sooner, after the broker outage of
        // the test before, its users would rightly hear nothing new, as they were never told it came back.
        Instant onlineSince =
                Instant.parse(Http.bearer(miaToken).get(fleetDevice("/presence")).body().path("since").asText());
        await().atMost(WAIT).until(() -> Instant.now().isAfter(onlineSince.plusSeconds(3)));
        String title = "Device " + DEVICE + " is offline";
        long before = offlineNotices(title).size();
        Instant killed = Instant.now();
        gps.close();
        edge.kill(); // kill -9: the broker publishes the edge's last will

        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> "offline".equals(
                Http.bearer(miaToken).get(fleetDevice("/presence")).body().path("state").asText()));
        JsonNode presence = Http.bearer(miaToken).get(fleetDevice("/presence")).body();
        Instant since = Instant.parse(presence.path("since").asText());
        assertTrue(!since.isBefore(killed.minusSeconds(1)), "offline since the kill: " + presence);

        await().atMost(WAIT).until(() -> offlineNotices(title).size() > before);
        // The presence debounce is 1 s: a second notice would have come by now.
        Thread.sleep(5_000);
        List<JsonNode> offline = offlineNotices(title);
        assertEquals(before + 1, offline.size(), "told once: " + miasSocket.notifications());
        assertEquals(DEVICE, offline.get(offline.size() - 1).path("deviceId").asText());
    }

    private List<JsonNode> offlineNotices(String title) {
        return miasSocket.notifications().stream().filter(n -> title.equals(n.path("title").asText())).toList();
    }

    private List<Integer> fixes(Http.Response history) {
        assertEquals(200, history.status(), history.toString());
        List<Integer> fixes = new ArrayList<>();
        history.body().path("items").forEach(item -> fixes.add(NmeaGps.fixNumber(item.path("latitude").asDouble())));
        return fixes;
    }

    private String fleetDevice(String path) {
        return fleet + "/api/fleet/devices/" + DEVICE + path;
    }

    private String login(String email, String password) {
        return suite.login(email, password);
    }

    private String createUser(String email, List<String> permissions) {
        Http.Response created = Http.bearer(adminToken).post(suite.url("auth-service") + "/api/admin/users",
                Map.of("email", email, "name", email, "password", "password of " + email, "permissions", permissions));
        assertEquals(201, created.status(), created.toString());
        return created.body().path("id").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }
}
