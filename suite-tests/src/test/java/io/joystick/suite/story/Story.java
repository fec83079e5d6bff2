package io.joystick.suite.story;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The whole story on the packaged services: an admin sets up a user and a device, the user
 * controls it, reads telemetry and is told about it, the switcher fails the device over, and logging out
 * everywhere really logs out everywhere. Each step builds on the previous one. Subclasses choose the
 * storage and how many notification-service instances there are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class Story {

    private static final Path ROOT = Path.of(System.getProperty("joystick.root", "..")).toAbsolutePath().normalize();
    private static final String DEVICE = "cam1";
    private static final String PRIMARY = "127.0.0.1";
    private static final String SECONDARY = "127.0.0.2";

    Path temp;
    Path downHosts;
    SshDevice sshDevice;
    WireMockServer mediamtx;
    Suite suite;
    NotificationSocket userSocket;
    NotificationSocket otherSocket;

    String adminToken;
    String userId;
    String userToken;
    String otherToken;

    /** Settings of the services that keep data (a database URL, or nothing for the H2 default). */
    abstract Map<String, String> storage(String service) throws Exception;

    /** Starts notification-service; returns the URLs browsers connect to and senders post to. */
    abstract NotificationUrls startNotifications() throws Exception;

    record NotificationUrls(String sockets, String sends) {
    }

    NotificationUrls notifications;

    /** Checked before anything starts; a failed assumption skips the story. */
    void preconditions() {
    }

    /** Runs after every service has stopped. */
    void afterStop() throws Exception {
    }

    @BeforeAll
    void startTheSuite() throws Exception {
        preconditions();
        temp = Files.createTempDirectory("joystick-story");
        downHosts = Files.createDirectories(temp.resolve("down"));
        sshDevice = new SshDevice(temp.resolve("device-host-key"));
        mediamtx = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        mediamtx.start();
        mediamtx.stubFor(any(urlPathMatching("/v3/.*")).willReturn(aResponse().withStatus(200)));

        suite = new Suite(ROOT, temp.resolve("data"));
        Map<String, String> auth = new java.util.HashMap<>(storage("auth-service"));
        auth.put("JOYSTICK_ADMIN_EMAIL", Suite.ADMIN_EMAIL);
        auth.put("JOYSTICK_ADMIN_PASSWORD", Suite.ADMIN_PASSWORD);
        suite.start("auth-service", auth);
        suite.start("device-service", storage("device-service"));
        suite.start("telemetry-service", Map.of());
        notifications = startNotifications();
        suite.start("switcher-client", Map.of("JOYSTICK_MEDIAMTX_URL", mediamtx.baseUrl(),
                "SLOT_HEALTH_CHECK_INTERVAL", "1", "SLOT_FAILURE_THRESHOLD", "2"));
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        for (AutoCloseable resource : new AutoCloseable[] {userSocket, otherSocket, suite, sshDevice}) {
            if (resource != null) {
                resource.close();
            }
        }
        if (mediamtx != null) {
            mediamtx.stop();
        }
        afterStop();
    }

    String auth(String path) {
        return suite.url("auth-service") + path;
    }

    String device(String path) {
        return suite.url("device-service") + path;
    }

    String login(String email, String password) {
        return suite.login(email, password);
    }

    String createUser(String email, List<String> permissions) {
        Http.Response created = Http.bearer(adminToken).post(auth("/api/admin/users"),
                Map.of("email", email, "name", email, "password", "password of " + email, "permissions", permissions));
        assertEquals(201, created.status(), created.toString());
        return created.body().path("id").asText();
    }

    @Test
    @Order(1)
    void adminLogsInAndCreatesAUserWithGpsOnly() {
        adminToken = login(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        userId = createUser("mia@story.test", List.of("device-gps"));
        createUser("noah@story.test", List.of("device-gps"));
        userToken = login("mia@story.test", "password of mia@story.test");
        otherToken = login("noah@story.test", "password of noah@story.test");

        Http.Response me = Http.bearer(userToken).get(auth("/api/auth/me"));
        assertEquals(200, me.status(), me.toString());
        assertEquals(List.of("device-gps"), Http.JSON.convertValue(me.body().path("permissions"), List.class));
    }

    @Test
    @Order(2)
    void adminRegistersADeviceOnAnSshServerWithTheUserOnItsAllowList() {
        Http admin = Http.bearer(adminToken);
        assertEquals(201, admin.post(device("/api/models"), Map.of("name", "story-cam")).status());
        for (String action : List.of("say", "slot-check")) {
            assertEquals(201, admin.post(device("/api/actions"), Map.of("name", action)).status());
        }
        Http.Response say = admin.post(device("/api/runs"),
                Map.of("model", "story-cam", "action", "say", "target", "device",
                        "command", "echo $msg from $device", "parameters", Map.of("type", "object",
                                "properties", Map.of("msg", Map.of("type", "string")), "required", List.of("msg"))));
        assertEquals(201, say.status(), say.toString());
        // A slot is healthy unless the test marks its host down.
        Http.Response slotCheck = admin.post(device("/api/runs"), Map.of("model", "story-cam", "action", "slot-check",
                "target", "local", "command",
                "if [ -e " + downHosts + "/$host ]; then echo false; else echo true; fi"));
        assertEquals(201, slotCheck.status(), slotCheck.toString());
        Http.Response created = admin.post(device("/api/devices"), Map.of("id", DEVICE, "name", "Roof camera",
                "model", "story-cam", "allow", List.of(userId), "mode", "live",
                "configuration", Map.of("source", "rtsp://$host:8554/cam1"), // the switcher puts the active slot's host in
                "information", Map.of("host", PRIMARY, "port", sshDevice.port(), "user", SshDevice.USER,
                        "password", SshDevice.PASSWORD, "secondSlotHost", SECONDARY, "activeSlot", "primary",
                        "autoSlotSwitch", true)));
        assertEquals(201, created.status(), created.toString());
        assertFalse(created.text().contains(SshDevice.PASSWORD), "the device password is write-only");
    }

    @Test
    @Order(3)
    void theUserRunsAnActionAndAUserNotOnTheListIsRefused() {
        Http.Response run = Http.bearer(userToken).post(device("/api/run/" + DEVICE + "/say"), Map.of("msg", "hello"));
        assertEquals(200, run.status(), run.toString());
        assertEquals("hello from " + DEVICE, run.body().path("output").asText().trim());

        Http.Response refused =
                Http.bearer(otherToken).post(device("/api/run/" + DEVICE + "/say"), Map.of("msg", "hello"));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("Access denied: You don't have permission to control this device",
                refused.body().path("error").asText());
    }

    @Test
    @Order(4)
    void theUserReadsGpsButNotImu() {
        Http.Response gps = Http.bearer(userToken).get(suite.url("telemetry-service") + "/api/gps");
        assertEquals(200, gps.status(), gps.toString());
        assertEquals("simulated", gps.body().path("source").asText());
        assertTrue(gps.body().path("latitude").isNumber(), gps.toString());

        Http.Response imu = Http.bearer(userToken).get(suite.url("telemetry-service") + "/api/imu");
        assertEquals(403, imu.status(), imu.toString());
        assertEquals("Missing required permissions: device-imu", imu.body().path("error").asText());
    }

    @Test
    @Order(5)
    void theUsersBrowserIsToldAboutTheDeviceAndOnlyTheUsers() throws Exception {
        userSocket = new NotificationSocket(notifications.sockets(), userToken);
        otherSocket = new NotificationSocket(notifications.sockets(), otherToken);

        Http.Response sent = Http.bearer(adminToken).post(notifications.sends() + "/api/notifications/send",
                Map.of("type", "warning", "title", "Roof camera battery low", "message", "12 % left", "deviceId",
                        DEVICE));
        assertEquals(200, sent.status(), sent.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> userSocket.received("Roof camera battery low"));
        // The other user's socket got every message sent before the user's arrived; the device's was not among them.
        assertFalse(otherSocket.received("Roof camera battery low"), "noah is not on the device's allow-list");
    }

    @Test
    @Order(6)
    void theSwitcherFailsTheDeviceOverWhenItsPrimarySlotFailsAndTheUserIsTold() throws Exception {
        int before = userSocket.notifications().size();
        Files.createFile(downHosts.resolve(PRIMARY));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> "secondary".equals(Http.bearer(adminToken).get(device("/api/devices/" + DEVICE)).body()
                        .path("information").path("activeSlot").asText()));
        await().atMost(Duration.ofSeconds(10)).until(() -> userSocket.notifications().stream().skip(before)
                .anyMatch(n -> DEVICE.equals(n.path("deviceId").asText())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mediamtx.findAll(anyRequestedFor(urlPathMatching("/v3/config/paths/.*"))).stream()
                        .anyMatch(r -> r.getBodyAsString().contains(SECONDARY)));
    }

    @Test
    @Order(7)
    void aDeviceReportedOfflineIsNotifiedToItsUsersBrowser() {
        Http.Response reported = Http.bearer(adminToken).send("PATCH", device("/api/devices/" + DEVICE + "/status"),
                Map.of("status", "offline"));
        assertEquals(200, reported.status(), reported.toString());
        // device-service -> notification-service with the API key, device-scoped: the user is on its allow-list
        await().atMost(Duration.ofSeconds(10)).until(() -> userSocket.received("Device offline"));
        assertFalse(otherSocket.received("Device offline"), "noah is not on the device's allow-list");
    }

    @Test
    @Order(8)
    void logoutAllRevokesTheUsersTokenInEveryService() {
        Http user = Http.bearer(userToken);
        assertEquals(200, user.get(device("/api/devices")).status());
        Http.Response logout = user.post(auth("/api/auth/logout-all"), null);
        assertTrue(logout.status() / 100 == 2, logout.toString());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertEquals(401, user.get(device("/api/devices")).status(), "device-service");
            assertEquals(401, user.get(suite.url("telemetry-service") + "/api/gps").status(), "telemetry-service");
            assertEquals(401, user.get(notifications.sockets() + "/api/notifications").status(),
                    "notification-service");
            assertEquals(401, user.get(notifications.sends() + "/api/notifications").status(), "notification-service");
            assertEquals(401, user.get(suite.url("switcher-client") + "/api/health/devices").status(),
                    "switcher-client");
        });
    }
}
