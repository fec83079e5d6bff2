package io.joystick.device.automation.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.PeerServiceStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Device schedules: validation, who may write them, and transitions carried out through set-mode. The schedule's
 * clock is moved to just before a transition, so Quartz fires it a few real seconds later.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(PeerServiceStubs.class)
class DeviceSchedulesTest {

    /** 07:59:57 in Berlin (CET): an 08:00 "on" is three seconds away. */
    static final Instant BEFORE_EIGHT = Instant.parse("2026-12-07T06:59:57Z");
    static final Map<String, Object> EIGHT_TO_EIGHT = Map.of("type", "timeOfDay", "on", "08:00", "off", "20:00", "zone",
            "Europe/Berlin", "onMode", "live", "enabled", true);

    @Inject
    TransitionTriggers triggers;

    @Inject
    DeviceSchedules schedules;

    String model;
    WireMock switcher;

    @BeforeEach
    void catalog() {
        switcher = PeerServiceStubs.client(PeerServiceStubs.SWITCHER_URL);
        switcher.register(post(urlPathMatching("/api/mode/.*")).willReturn(aResponse().withStatus(200)));
        model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("set-mode"), "echo $mode", "local", Map.of("type", "object",
                "properties", Map.of("mode", Map.of("enum", List.of("live", "off", "auto"))), "required",
                List.of("mode")), null);
    }

    /** The schedule's clock stands at {@code now} and runs on from there. */
    static void clockAt(Instant now) {
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now)),
                Clock.class);
    }

    String device(String owner, String... allowed) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Fixtures.unique("device"));
        body.put("model", model);
        body.put("owner", owner);
        body.put("allow", List.of(allowed));
        return given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse put(String token, String device, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/devices/" + device + "/automation").then();
    }

    int modeCalls(String device, String mode) {
        return switcher.find(postRequestedFor(urlPathEqualTo("/api/mode/" + device + "/" + mode))).size();
    }

    List<Map<String, Object>> automationLogs(String device) {
        JsonPath logs = given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device + "/logs").then()
                .statusCode(200).extract().jsonPath();
        return logs.getList("items.findAll { it.userId == 'service:automation' }");
    }

    @Test
    void rejectsBadSchedulesNamingTheField() {
        String device = device("olga");
        String admin = Fixtures.admin();
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("type", Map.of("type", "weekly", "enabled", true));
        bad.put("onMinutes", Map.of("type", "duration", "onMinutes", 0, "offMinutes", 5, "enabled", true));
        bad.put("offMinutes", Map.of("type", "duration", "onMinutes", 5, "offMinutes", 1_000_000, "enabled", true));
        bad.put("offMinutes ", Map.of("type", "duration", "onMinutes", 5, "enabled", true));
        bad.put("on", Map.of("type", "timeOfDay", "on", "24:00", "off", "06:00", "zone", "UTC", "enabled", true));
        bad.put("off", Map.of("type", "timeOfDay", "on", "06:00", "off", "06:00", "zone", "UTC", "enabled", true));
        bad.put("zone",
                Map.of("type", "timeOfDay", "on", "06:00", "off", "07:00", "zone", "Mars/Olympus", "enabled", true));
        bad.put("onMode",
                Map.of("type", "duration", "onMinutes", 5, "offMinutes", 5, "onMode", "standby", "enabled", true));
        bad.put("enabled", Map.of("type", "duration", "onMinutes", 5, "offMinutes", 5));
        bad.forEach((field, body) -> put(admin, device, body).statusCode(400)
                .body("error", containsString(field.trim() + ":")));
        given().auth().oauth2(admin).get("/api/devices/" + device + "/automation").then().statusCode(200)
                .body("automation", nullValue()).body("nextTransition", nullValue());
    }

    @Test
    void onlyTheOwnerOrAnAdminWithControlModeWritesAndWhoeverSeesTheDeviceReads() {
        String device = device("olga", "ivan");
        Map<String, Object> schedule = Map.of("type", "duration", "onMinutes", 30, "offMinutes", 90, "enabled", false);
        put(Fixtures.user("olga"), device, schedule).statusCode(403).body("error", containsString("control-mode"));
        put(Fixtures.user("ivan", "control-mode"), device, schedule).statusCode(403).body("error",
                containsString("owner"));
        put(Fixtures.user("zoe", "control-mode"), device, schedule).statusCode(403);
        given().auth().oauth2(Fixtures.user("zoe")).get("/api/devices/" + device + "/automation").then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.user("olga", "control-mode")).delete("/api/devices/nope/automation").then()
                .statusCode(404);

        put(Fixtures.user("olga", "control-mode"), device, schedule).statusCode(200)
                .body("automation.type", equalTo("duration")).body("automation.onMode", equalTo("live"))
                .body("automation.enabled", equalTo(false)).body("nextTransition", nullValue());
        given().auth().oauth2(Fixtures.user("ivan")).get("/api/devices/" + device).then().statusCode(200)
                .body("automation.onMinutes", equalTo(30)).body("automation.offMinutes", equalTo(90));
        given().auth().oauth2(Fixtures.user("ivan")).delete("/api/devices/" + device + "/automation").then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + device + "/automation").then().statusCode(204);
        given().auth().oauth2(Fixtures.user("ivan")).get("/api/devices/" + device + "/automation").then()
                .statusCode(200)
                .body("automation", nullValue());
        given().auth().oauth2(Fixtures.user("ivan")).get("/api/devices/" + device).then().body("automation",
                nullValue());
        assertEquals(0, modeCalls(device, "live") + modeCalls(device, "off"), "a disabled schedule switches nothing");
    }

    @Test
    void aTransitionRunsSetModeAsTheAutomationPrincipal() throws Exception {
        String device = device("olga");
        clockAt(BEFORE_EIGHT);
        put(Fixtures.user("olga", "control-mode"), device, EIGHT_TO_EIGHT).statusCode(200)
                .body("nextTransition.at", equalTo("2026-12-07T07:00:00Z"))
                .body("nextTransition.mode", equalTo("live"));

        // at once the state it says now (off before eight), then on at eight
        await().atMost(Duration.ofSeconds(30)).until(() -> modeCalls(device, "live") == 1);
        assertEquals(1, modeCalls(device, "off"));
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device).then().body("mode", equalTo("live"));
        List<Map<String, Object>> logs = automationLogs(device);
        assertEquals(2, logs.size(), logs.toString());
        assertTrue(
                logs.stream().allMatch(
                        log -> "set-mode".equals(log.get("action")) && Boolean.TRUE.equals(log.get("success"))),
                logs.toString());
        assertEquals(List.of(Instant.parse("2026-12-07T19:00:00Z")), triggers.pending(device), "then off at eight");
    }

    @Test
    void aSwitcherFailureIsAuditedAsAFailedTransition() {
        String device = device("olga");
        switcher.register(post(urlPathEqualTo("/api/mode/" + device + "/off")).willReturn(aResponse().withStatus(502)));
        clockAt(BEFORE_EIGHT);
        put(Fixtures.user("olga", "control-mode"), device, EIGHT_TO_EIGHT).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> modeCalls(device, "live") == 1);
        List<Map<String, Object>> logs = automationLogs(device);
        assertEquals(1, logs.stream().filter(log -> Boolean.FALSE.equals(log.get("success"))
                && String.valueOf(log.get("error")).contains("switcher-client")).count(), logs.toString());
        assertEquals(1, logs.stream().filter(log -> Boolean.TRUE.equals(log.get("success"))).count(), logs.toString());
    }

    @Test
    void aDeviceDeletedWhileScheduledIsSwitchedNoMore() throws Exception {
        String deleted = device("olga");
        clockAt(BEFORE_EIGHT);
        put(Fixtures.admin(), deleted, EIGHT_TO_EIGHT).statusCode(200);
        given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + deleted).then().statusCode(204);
        assertEquals(List.of(), triggers.pending(deleted));

        // a device scheduled later for the same moment: once it was switched, the deleted one's moment has passed
        String witness = device("olga");
        clockAt(BEFORE_EIGHT);
        put(Fixtures.admin(), witness, EIGHT_TO_EIGHT).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> modeCalls(witness, "live") == 1);
        assertEquals(0, modeCalls(deleted, "live"));
    }

    @Test
    void aStartAfterDowntimeAppliesTheCurrentStateOnce() throws Exception {
        String device = device("olga");
        Instant enabled = Instant.parse("2026-12-07T10:00:00Z");
        clockAt(enabled);
        String off = put(Fixtures.admin(), device,
                Map.of("type", "duration", "onMinutes", 1, "offMinutes", 10, "onMode",
                        "auto", "enabled", true))
                .statusCode(200).body("nextTransition.mode", equalTo("off")).extract()
                .path("nextTransition.at");
        List<Instant> onAgain = List.of(Instant.parse(off).plus(Duration.ofMinutes(10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> modeCalls(device, "auto") == 1);

        // every instance down past the off transition: its trigger misfired and was dropped
        triggers.disarm(device);
        clockAt(enabled.plus(Duration.ofMinutes(3)));
        schedules.armAll(); // two instances starting
        schedules.armAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> modeCalls(device, "off") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> triggers.pending(device), equalTo(onAgain));
        schedules.armAll(); // a third start: nothing left to catch up
        assertEquals(onAgain, triggers.pending(device));
        assertEquals(1, modeCalls(device, "off"));
        assertEquals(2, automationLogs(device).size());
    }
}
