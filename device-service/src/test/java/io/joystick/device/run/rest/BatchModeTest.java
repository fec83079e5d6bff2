package io.joystick.device.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.PeerServiceStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code POST /api/devices/mode}: set-mode on several devices, each device's outcome reported. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(PeerServiceStubs.class)
class BatchModeTest {

    static final Map<String, Object> MODE_SCHEMA = Map.of("type", "object",
            "properties", Map.of("mode", Map.of("enum", List.of("live", "off", "auto"))), "required", List.of("mode"));

    String user;
    String first;
    String second;
    String notAllowed;
    String withoutSetMode;
    String failing;

    @BeforeEach
    void devices() {
        user = Fixtures.unique("quinn");
        String model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("set-mode"), "echo $mode", "local", MODE_SCHEMA, null);
        first = Fixtures.device(model, Map.of("host", "10.6.0.1"), user);
        second = Fixtures.device(model, Map.of("host", "10.6.0.2"), user);
        notAllowed = Fixtures.device(model, Map.of("host", "10.6.0.3"), "someone-else");
        withoutSetMode = Fixtures.device(Fixtures.model(), Map.of("host", "10.6.0.4"), user);
        String broken = Fixtures.model();
        Fixtures.run(broken, Fixtures.action("set-mode"), "echo no >&2; exit 3", "local", MODE_SCHEMA, null);
        failing = Fixtures.device(broken, Map.of("host", "10.6.0.5"), user);
    }

    private void modeIs(String device, String mode) {
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device).then().body("mode", equalTo(mode));
    }

    @Test
    void reportsEachDevicesResultAndChangesOnlyThoseThatSucceeded() {
        given().auth().oauth2(Fixtures.user(user, "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("deviceIds", List.of(first, second, notAllowed, "ghost-device", withoutSetMode, failing),
                        "mode", "live"))
                .post("/api/devices/mode").then().statusCode(200)
                .body("success", equalTo(false)).body("mode", equalTo("live"))
                .body("succeeded", equalTo(2)).body("failed", equalTo(4))
                .body("results.deviceId",
                        equalTo(List.of(first, second, notAllowed, "ghost-device", withoutSetMode, failing)))
                .body("results[0].result", equalTo("ok")).body("results[0].status", equalTo(200))
                .body("results[1].result", equalTo("ok"))
                .body("results[2].result", equalTo("forbidden")).body("results[2].status", equalTo(403))
                .body("results[2].error", equalTo("Access denied: You don't have permission to control this device"))
                .body("results[3].result", equalTo("not_found")).body("results[3].status", equalTo(404))
                .body("results[4].result", equalTo("not_found")).body("results[4].error", containsString("set-mode"))
                .body("results[5].result", equalTo("error")).body("results[5].status", equalTo(500))
                .body("results[5].error", containsString("exited with code 3"));
        modeIs(first, "live");
        modeIs(second, "live");
        modeIs(notAllowed, "off");
        modeIs(failing, "off");
        given().auth().oauth2(Fixtures.user(user)).get("/api/devices/" + first + "/logs").then()
                .body("items.action", hasItem("set-mode")).body("items[0].userId", equalTo(user));
    }

    @Test
    void allSucceededIsASuccess() {
        given().auth().oauth2(Fixtures.user(user, "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("deviceIds", List.of(first, second, first), "mode", "auto"))
                .post("/api/devices/mode").then().statusCode(200)
                .body("success", equalTo(true)).body("succeeded", equalTo(2)).body("failed", equalTo(0));
        modeIs(first, "auto");
        modeIs(second, "auto");
    }

    @Test
    void needsControlModeAndAValidBody() {
        given().auth().oauth2(Fixtures.user(user)).contentType(ContentType.JSON)
                .body(Map.of("deviceIds", List.of(first), "mode", "live"))
                .post("/api/devices/mode").then().statusCode(403)
                .body("error", equalTo("Missing required permissions: control-mode"));
        modeIs(first, "off");
        given().auth().oauth2(Fixtures.user(user, "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("deviceIds", List.of(), "mode", "live"))
                .post("/api/devices/mode").then().statusCode(400).body("error", containsString("deviceIds"));
        given().auth().oauth2(Fixtures.user(user, "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("deviceIds", List.of(first), "mode", "LIVE; reboot"))
                .post("/api/devices/mode").then().statusCode(400).body("error", containsString("mode"));
        given().auth().oauth2(Fixtures.user(user, "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("deviceIds", List.of(first), "mode", "standby"))
                .post("/api/devices/mode").then().statusCode(200)
                .body("results[0].result", equalTo("error")).body("results[0].status", equalTo(400));
        modeIs(first, "off");
    }
}
