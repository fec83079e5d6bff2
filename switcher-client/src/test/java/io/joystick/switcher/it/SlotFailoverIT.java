package io.joystick.switcher.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.PackagedService;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * End to end with the real, packaged device-service and switcher-client: a {@code slot-check} run
 * definition ({@code target=local}) reports a slot healthy while a file named after its host exists; the
 * switcher's own scheduler (every second) fails the device over when the primary's file goes, repoints
 * the MediaMTX stub and notifies the notification stub; {@code set-mode off} through device-service
 * removes the stream path through the switcher.
 */
class SlotFailoverIT {

    static final String API_KEY = "e2e-" + UUID.randomUUID();
    static final String DEVICE = "e2e-cam";

    static Path work;
    static Path slots;
    static WireMockServer mediaMtx;
    static WireMockServer notifications;
    static PackagedService deviceService;
    static PackagedService switcher;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "it-" + UUID.randomUUID()));
        slots = Files.createDirectories(work.resolve("slots")).toAbsolutePath();
        String jwks = new JwksFileAuth().start().get("joystick.jwks-file");
        mediaMtx = new WireMockServer(options().dynamicPort());
        notifications = new WireMockServer(options().dynamicPort());
        mediaMtx.start();
        notifications.start();
        mediaMtx.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        // MediaMTX runs the device's path: the stream status read succeeds, so the switcher's readiness stays up
        mediaMtx.stubFor(get(urlPathEqualTo("/v3/paths/list")).willReturn(okJson(
                "{\"pageCount\":1,\"items\":[{\"name\":\"" + DEVICE + "\",\"ready\":true,\"readers\":[]}]}")));
        notifications.stubFor(post(urlPathEqualTo("/api/notifications/send"))
                .willReturn(okJson("{\"success\":true,\"notificationId\":\"n1\",\"clientsNotified\":1}")));

        int switcherPort = PackagedService.freePort();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> common = Map.of("JOYSTICK_API_KEY", API_KEY, "JOYSTICK_JWKS_FILE", jwks,
                "JOYSTICK_REVOCATION_POLL_ENABLED", "false");
        Map<String, String> deviceEnv = new HashMap<>(common);
        deviceEnv.put("JOYSTICK_DATA_DIR", work.resolve("device-data").toAbsolutePath().toString());
        deviceEnv.put("JOYSTICK_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        deviceEnv.put("JOYSTICK_SWITCHER_URL", "http://127.0.0.1:" + switcherPort);
        deviceService = startReady(new PackagedService.Launch("device-service",
                Path.of(System.getProperty("joystick.device-service.jar")), work, deviceEnv));

        catalog();

        Map<String, String> switcherEnv = new HashMap<>(common);
        switcherEnv.put("JOYSTICK_DEVICE_URL", deviceService.url());
        switcherEnv.put("JOYSTICK_NOTIFICATION_URL", notifications.baseUrl());
        switcherEnv.put("JOYSTICK_MEDIAMTX_URL", mediaMtx.baseUrl());
        switcherEnv.put("JOYSTICK_MEDIAMTX_USER", "mtx");
        switcherEnv.put("JOYSTICK_MEDIAMTX_PASSWORD", "mtx-pass");
        switcherEnv.put("SLOT_HEALTH_CHECK_INTERVAL", "1");
        switcherEnv.put("SLOT_FAILURE_THRESHOLD", "2");
        switcherEnv.put("SLOT_SWITCH_HOLD_TIME", "0");
        switcher = startReady(new PackagedService.Launch("switcher-client", PackagedService.appJar(), work, switcherEnv)
                .withPort(switcherPort));
    }

    static PackagedService startReady(PackagedService.Launch launch) throws Exception {
        return PackagedService.start(launch.withJvmOptions("-Xmx256m")).awaitReady(Duration.ofSeconds(90));
    }

    static RequestSpecification asAdmin(PackagedService service) {
        return RestAssured.given().baseUri(service.url()).auth().oauth2(JwksFileAuth.token("admin-1", "admin"))
                .contentType(ContentType.JSON);
    }

    /** A model whose slot-check looks for a file named after the slot's host, and a device with two slots. */
    static void catalog() throws Exception {
        asAdmin(deviceService).body(Map.of("id", "e2e-model", "name", "e2e-model")).post("/api/models").then()
                .statusCode(201);
        String model =
                asAdmin(deviceService).get("/api/models").then().extract().path("find { it.name == 'e2e-model' }.id");
        for (String action : List.of("slot-check", "set-mode")) {
            asAdmin(deviceService).body(Map.of("name", action)).post("/api/actions").then().statusCode(201);
        }
        asAdmin(deviceService).body(Map.of("model", model, "action", "slot-check", "target", "local",
                "command", "test -e " + slots + "/$host && echo true || echo false")).post("/api/runs").then()
                .statusCode(201);
        asAdmin(deviceService)
                .body(Map.of("model", model, "action", "set-mode", "target", "local", "command", "echo $mode",
                        "parameters",
                        Map.of("type", "object", "properties",
                                Map.of("mode", Map.of("enum", List.of("live", "off", "auto"))),
                                "required", List.of("mode"))))
                .post("/api/runs").then().statusCode(201);
        Files.createFile(slots.resolve("slot-a.example"));
        Files.createFile(slots.resolve("slot-b.example"));
        asAdmin(deviceService).body(Map.of("id", DEVICE, "name", "E2E camera", "model", model, "mode", "live",
                "configuration", Map.of("source", "rtsp://$host:8554/cam"),
                "information",
                Map.of("host", "slot-a.example", "secondSlotHost", "slot-b.example", "autoSlotSwitch", true)))
                .post("/api/devices").then().statusCode(201);
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedService process : new PackagedService[] {switcher, deviceService}) {
            if (process != null) {
                process.close();
            }
        }
        for (WireMockServer server : new WireMockServer[] {mediaMtx, notifications}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    String activeSlot() {
        return asAdmin(deviceService).get("/api/devices/" + DEVICE).then().statusCode(200).extract()
                .path("information.activeSlot");
    }

    @Test
    void failsOverWhenThePrimaryGoesAndTheStreamFollows() throws Exception {
        // start-up restore: the live device got its path, from the primary host, with the MediaMTX credentials
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mediaMtx.verify(1,
                postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + DEVICE))
                        .withBasicAuth(new BasicCredentials("mtx", "mtx-pass"))
                        .withRequestBody(equalToJson("{\"source\":\"rtsp://slot-a.example:8554/cam\"}"))));
        // the scheduler checks it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin(switcher).get("/api/health/" + DEVICE).then()
                .statusCode(200).body("slots.primary.status", org.hamcrest.Matchers.equalTo("healthy")));
        assertEquals("primary", activeSlot());

        Files.delete(slots.resolve("slot-a.example"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "secondary".equals(activeSlot()));

        // The slot is stored first, then the stream is repointed and the users told: wait for those too.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mediaMtx.verify(1,
                patchRequestedFor(urlPathEqualTo("/v3/config/paths/patch/" + DEVICE))
                        .withRequestBody(equalToJson("{\"source\":\"rtsp://slot-b.example:8554/cam\"}"))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> notifications.verify(1,
                postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                        .withHeader("X-API-Key", equalTo(API_KEY))
                        .withRequestBody(matchingJsonPath("$.deviceId", equalTo(DEVICE)))
                        .withRequestBody(matchingJsonPath("$.metadata.to", equalTo("secondary")))));
        asAdmin(switcher).get("/api/health/" + DEVICE).then().statusCode(200)
                .body("activeSlot", org.hamcrest.Matchers.equalTo("secondary"))
                .body("slots.primary.status", org.hamcrest.Matchers.equalTo("unhealthy"));

        // set-mode through the Joystick API: device-service stores it and the switcher removes the path
        asAdmin(deviceService).body(Map.of("mode", "off")).post("/api/run/" + DEVICE + "/set-mode").then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mediaMtx.verify(1,
                deleteRequestedFor(urlPathEqualTo("/v3/config/paths/delete/" + DEVICE))));
    }
}
