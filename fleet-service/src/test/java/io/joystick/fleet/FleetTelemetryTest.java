package io.joystick.fleet;

import static io.joystick.fleet.Fixtures.as;
import static io.joystick.fleet.Fixtures.asService;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.SseClient;
import io.joystick.fleet.ingest.service.DropReason;
import io.joystick.fleet.ingest.service.IngestMetrics;
import io.joystick.fleet.reading.service.RetentionPruner;
import io.joystick.telemetry.codec.TelemetryCodec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
@QuarkusTestResource(value = MosquittoBroker.class, restrictToAnnotatedClass = true)
class FleetTelemetryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    IngestMetrics metrics;

    @Inject
    RetentionPruner pruner;

    @TestHTTPResource("/")
    URI base;

    @Test
    void storesPublishedReadingsForAnAllowedUser() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-4"), "edge-cam-4")) {
            device.publish("joystick/devices/cam-4/telemetry/gps", Fixtures.gps(52.51, at.minusSeconds(10)));
            device.publish("joystick/devices/cam-4/telemetry/gps", Fixtures.gps(52.52, at));
            device.publish("joystick/devices/cam-4/telemetry/battery", Fixtures.battery(12100, at));
        }
        await().atMost(WAIT).untilAsserted(() -> as("ana", "device-gps").get("/api/fleet/devices/cam-4/gps").then()
                .statusCode(200).body("latitude", equalTo(52.52f)).body("timestamp", equalTo(at.toString())));
        as("ana", "device-gps").get("/api/fleet/devices/cam-4/gps/history?from=" + at.minusSeconds(60) + "&to="
                + at.plusSeconds(1)).then().statusCode(200).body("total", equalTo(2))
                .body("items.latitude", equalTo(List.of(52.51f, 52.52f)));
        as("ana", "device-gps").get("/api/fleet/devices/cam-4/gps/history?from=" + at.minusSeconds(60) + "&max=1")
                .then().statusCode(200).body("items.size()", equalTo(1));
        await().atMost(WAIT).untilAsserted(() -> as("ana", "device-gps", "device-battery")
                .get("/api/fleet/devices/cam-4/telemetry").then().statusCode(200)
                .body("gps.latitude", equalTo(52.52f)).body("battery.voltage", equalTo(12100.0f))
                .body("containsKey('imu')", equalTo(false)));
        as("ana", "device-gps").get("/api/fleet/positions").then().statusCode(200)
                .body("deviceId", hasItem("cam-4"));
        as("carl", "device-gps").get("/api/fleet/positions").then().statusCode(200)
                .body("deviceId", not(hasItem("cam-4")));
    }

    @Test
    void refusesUsersWithoutTheSensorPermissionOrNotOnTheAllowList() throws Exception {
        Instant at = Instant.now();
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-1"), "edge-cam-1")) {
            device.publish("joystick/devices/cam-1/telemetry/gps", Fixtures.gps(10, at));
        }
        await().atMost(WAIT).untilAsserted(() -> as("ben", "device-gps").get("/api/fleet/devices/cam-1/gps").then()
                .statusCode(200));
        as("ben", "device-battery").get("/api/fleet/devices/cam-1/gps").then().statusCode(403);
        as("ben", "device-battery").get("/api/fleet/devices/cam-1/gps/history").then().statusCode(403);
        as("ben").get("/api/fleet/devices/cam-1/telemetry").then().statusCode(403);
        as("ben").get("/api/fleet/positions").then().statusCode(403);
        as("carl", "device-gps").get("/api/fleet/devices/cam-1/gps").then().statusCode(403);
        as("carl", "device-gps").get("/api/fleet/devices/cam-1/telemetry").then().statusCode(403);
        as("carl", "device-gps").get("/api/fleet/devices/cam-1/presence").then().statusCode(403);
        as("ana", "device-gps").get("/api/fleet/devices/ghost/gps").then().statusCode(404);
        as("ana", "device-imu").get("/api/fleet/devices/cam-1/imu").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/fleet/devices/cam-1/gps").then().statusCode(401);
    }

    @Test
    void streamsNewReadingsOverSse() throws Exception {
        String token = JwksFileAuth.token("ana", "device-battery");
        URI stream = base.resolve("/api/fleet/devices/cam-3/stream?token=" + token);
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-3"), "edge-cam-3")) {
            CompletableFuture<SseClient.Opened> opened = CompletableFuture.supplyAsync(() -> {
                try {
                    return SseClient.read(stream, 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; !opened.isDone() && i < 60; i++) {
                device.publish("joystick/devices/cam-3/telemetry/battery", Fixtures.battery(11000 + i, Instant.now()));
                Thread.sleep(250);
            }
            SseClient.Opened events = opened.get();
            assertEquals(200, events.status());
            assertEquals("battery", events.events().get(0).name());
            assertTrue(events.events().get(0).data().contains("\"voltage\":11"));
        }
        assertEquals(403, SseClient.read(base.resolve("/api/fleet/devices/cam-3/stream?token="
                + JwksFileAuth.token("ben", "device-battery")), 1).status());
    }

    @Test
    void aDeviceCannotPublishUnderAnotherDevicesId() throws Exception {
        Instant at = Instant.now();
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-1"), "edge-cam-1")) {
            device.publish("joystick/devices/cam-2/telemetry/gps", Fixtures.gps(1.0, at));
            device.publish("joystick/devices/cam-1/telemetry/battery", Fixtures.battery(9999, at));
        }
        await().atMost(WAIT).untilAsserted(() -> as("ana", "device-battery").get("/api/fleet/devices/cam-1/battery")
                .then().statusCode(200).body("voltage", equalTo(9999.0f)));
        as("carl", "device-gps").get("/api/fleet/devices/cam-2/gps").then().statusCode(404);
    }

    @Test
    void revokedCredentialsAreDisconnectedAndRefused() throws Exception {
        Fixtures.revokeAndExpectDisconnectedAndRefused("cam-2");
    }

    @Test
    void onlyAdminsOrTheOwnerWithEditDeviceManageCredentials() {
        as("ben", "edit-device").post("/api/fleet/devices/cam-1/credentials").then().statusCode(403);
        as("ana").post("/api/fleet/devices/cam-1/credentials").then().statusCode(403);
        as("ana", "edit-device").post("/api/fleet/devices/cam-1/credentials").then().statusCode(200)
                .header("Cache-Control", "no-store").body("username", equalTo("device-cam-1"))
                .body("password", notNullValue())
                .body("env", org.hamcrest.Matchers.containsString("TELEMETRY_PUBLISH_DEVICE_ID=cam-1"));
        asService().post("/api/fleet/devices/ghost/credentials").then().statusCode(404);
    }

    @Test
    void dropsGarbageOversizedAndFutureMessagesAndGoesOn() throws Exception {
        double shape = metrics.droppedCount(DropReason.SHAPE);
        double oversized = metrics.droppedCount(DropReason.OVERSIZED);
        double future = metrics.droppedCount(DropReason.FUTURE);
        double duplicate = metrics.droppedCount(DropReason.DUPLICATE);
        Instant at = Instant.now();
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-1"), "edge-cam-1")) {
            device.publish("joystick/devices/cam-1/telemetry/gps", "not json");
            device.publish("joystick/devices/cam-1/telemetry/gps",
                    "{\"latitude\":\"north\",\"timestamp\":\"" + at + "\"}");
            device.publish("joystick/devices/cam-1/telemetry/gps", "{\"latitude\":1.0}");
            device.publish("joystick/devices/cam-1/telemetry/gps",
                    "{\"latitude\":1.0,\"timestamp\":\"" + at + "\",\"pad\":\""
                            + "x".repeat(5000) + "\"}");
            device.publish("joystick/devices/cam-1/telemetry/gps", Fixtures.gps(3.0, at.plus(Duration.ofMinutes(10))));
            device.publish("joystick/devices/cam-1/telemetry/imu", "{\"x\":1,\"timestamp\":\"" + at + "\",\"gyro\":7}");
            device.publish("joystick/devices/cam-1/telemetry/battery", Fixtures.battery(7777, at));
            device.publish("joystick/devices/cam-1/telemetry/battery", Fixtures.battery(7777, at));
            device.publish("joystick/devices/cam-1/telemetry/battery", Fixtures.battery(7778, at.plusMillis(1)));
        }
        await().atMost(WAIT).untilAsserted(() -> as("ana", "device-battery").get("/api/fleet/devices/cam-1/battery")
                .then().statusCode(200).body("voltage", equalTo(7778.0f)));
        assertEquals(shape + 4, metrics.droppedCount(DropReason.SHAPE));
        assertEquals(oversized + 1, metrics.droppedCount(DropReason.OVERSIZED));
        assertEquals(future + 1, metrics.droppedCount(DropReason.FUTURE));
        assertEquals(duplicate + 1, metrics.droppedCount(DropReason.DUPLICATE));
        as("ana", "device-battery").get("/api/fleet/devices/cam-1/battery/history?from=" + at.minusMillis(1) + "&to="
                + at.plusMillis(1)).then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void storesDeflatedAndPlainReadingsAlike() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-5"), "edge-cam-5")) {
            device.publish("joystick/devices/cam-5/telemetry/gps", deflated(Fixtures.gps(48.1, at)));
            device.publish("joystick/devices/cam-5/telemetry/gps", Fixtures.gps(48.2, at.plusMillis(1)));
        }
        await().atMost(WAIT)
                .untilAsserted(() -> as("ana", "device-gps").get("/api/fleet/devices/cam-5/gps/history?from="
                        + at + "&to=" + at.plusMillis(2)).then().statusCode(200).body("total", equalTo(2))
                        .body("items.latitude", equalTo(List.of(48.1f, 48.2f))));
    }

    @Test
    void dropsDeflateBombsUnknownFormatsAndCorruptStreamsAndGoesOn() throws Exception {
        double oversized = metrics.droppedCount(DropReason.OVERSIZED);
        double format = metrics.droppedCount(DropReason.FORMAT);
        double corrupt = metrics.droppedCount(DropReason.CORRUPT);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] bomb =
                deflated("{\"latitude\":1.0,\"timestamp\":\"" + at + "\",\"pad\":\"" + " ".repeat(100_000) + "\"}");
        assertTrue(bomb.length < 1024, "a small message: " + bomb.length + " bytes");
        byte[] laterFormat = deflated(Fixtures.gps(2.0, at));
        laterFormat[0] = 0x02;
        byte[] good = deflated(Fixtures.gps(3.0, at.plusMillis(1)));
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-4"), "edge-cam-4")) {
            device.publish("joystick/devices/cam-4/telemetry/gps", bomb);
            device.publish("joystick/devices/cam-4/telemetry/gps", laterFormat);
            device.publish("joystick/devices/cam-4/telemetry/gps", truncated);
            device.publish("joystick/devices/cam-4/telemetry/battery", deflated(Fixtures.battery(4242, at)));
        }
        await().atMost(WAIT)
                .untilAsserted(() -> as("ana", "device-battery").get("/api/fleet/devices/cam-4/battery/history?from="
                        + at + "&to=" + at.plusMillis(1)).then().statusCode(200)
                        .body("items.voltage", equalTo(List.of(4242.0f))));
        assertEquals(oversized + 1, metrics.droppedCount(DropReason.OVERSIZED));
        assertEquals(format + 1, metrics.droppedCount(DropReason.FORMAT));
        assertEquals(corrupt + 1, metrics.droppedCount(DropReason.CORRUPT));
        as("ana", "device-gps").get("/api/fleet/devices/cam-4/gps/history?from=" + at + "&to=" + at.plusMillis(2))
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void documentsTheShapesOfPresencePositionsAndHistory() {
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.PresenceView.properties.keySet()",
                        equalTo(java.util.Set.of("deviceId", "state", "since")))
                .body("components.schemas.Position.properties.keySet()", equalTo(java.util.Set.of("deviceId", "gps")))
                .body("components.schemas.History.properties.keySet()",
                        equalTo(java.util.Set.of("deviceId", "sensor", "from", "to", "total", "items")));
    }

    private static byte[] deflated(String json) {
        return TelemetryCodec.deflate(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void presenceChangesAreStoredAndAnnouncedOnce() throws Exception {
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-3"), "edge-cam-3p")) {
            device.publish("joystick/devices/cam-3/presence", "online");
            await().atMost(WAIT).untilAsserted(() -> as("ana").get("/api/fleet/devices/cam-3/presence").then()
                    .statusCode(200).body("state", equalTo("online")));
            device.publish("joystick/devices/cam-3/presence", "offline");
            device.publish("joystick/devices/cam-3/presence", "offline");
        }
        await().atMost(WAIT).untilAsserted(() -> as("ana").get("/api/fleet/devices/cam-3/presence").then()
                .statusCode(200).body("state", equalTo("offline")).body("since", notNullValue()));
        var sent = com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/notifications/send"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"deviceId\":\"cam-3\""));
        await().atMost(WAIT).untilAsserted(() -> DeviceServiceMock.server.verify(1, sent));
        Thread.sleep(1500);
        DeviceServiceMock.server.verify(1, sent);
        as("ana").get("/api/fleet/devices/ghost/presence").then().statusCode(404);
    }

    @Test
    void prunesHistoryOlderThanTheRetentionButKeepsTheRest() throws Exception {
        Instant old = Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.MILLIS);
        Instant recent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-5"), "edge-cam-5")) {
            device.publish("joystick/devices/cam-5/telemetry/battery", Fixtures.battery(3000, old));
            device.publish("joystick/devices/cam-5/telemetry/battery", Fixtures.battery(3001, recent));
        }
        String oldWindow =
                "/api/fleet/devices/cam-5/battery/history?from=" + old.minusSeconds(1) + "&to=" + old.plusSeconds(1);
        await().atMost(WAIT).untilAsserted(() -> as("ana", "device-battery").get(oldWindow).then().statusCode(200)
                .body("total", equalTo(1)));
        await().atMost(WAIT).untilAsserted(() -> as("ana", "device-battery").get("/api/fleet/devices/cam-5/battery")
                .then().statusCode(200).body("voltage", equalTo(3001.0f)));
        assertTrue(pruner.pruneOlderThan(Instant.now().minus(Duration.ofDays(7))) >= 1);
        as("ana", "device-battery").get(oldWindow).then().statusCode(200).body("total", equalTo(0));
        as("ana", "device-battery").get("/api/fleet/devices/cam-5/battery/history?from=" + recent.minusSeconds(1))
                .then().statusCode(200).body("total", equalTo(1));
    }
}
