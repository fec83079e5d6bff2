package io.joystick.device.run.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A run definition may name the permission its callers need; {@code /api/run} refuses a caller without it. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class RunPermissionTest {

    static final Map<String, Object> X_SCHEMA = Map.of("type", "object",
            "properties", Map.of("x", Map.of("type", "integer", "minimum", -180, "maximum", 180)),
            "required", List.of("x"), "additionalProperties", false);

    String model;
    String device;

    @BeforeEach
    void catalog() {
        model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("set-x"), "echo pan to $x", "local", X_SCHEMA, null, "control-ptz");
        Fixtures.run(model, Fixtures.action("uptime"), "echo up", "local", null, null);
        device = Fixtures.device(model, Map.of("host", "10.5.0.1"), "pete");
    }

    @Test
    void aCallerWithoutTheRunsPermissionIsRefused() {
        given().auth().oauth2(Fixtures.user("pete", "control-mode")).contentType(ContentType.JSON).body(Map.of("x", 10))
                .post("/api/run/" + device + "/set-x").then().statusCode(403).body("success", equalTo(false))
                .body("error", equalTo("Missing required permissions: control-ptz"));
        given().auth().oauth2(Fixtures.user("pete")).get("/api/devices/" + device + "/logs").then().statusCode(200)
                .body("totalItems", equalTo(0)); // nothing ran
        given().auth().oauth2(Fixtures.user("pete", "control-ptz")).contentType(ContentType.JSON).body(Map.of("x", 10))
                .post("/api/run/" + device + "/set-x").then().statusCode(200).body("output", equalTo("pan to 10\n"));
        given().auth().oauth2(Fixtures.user("pete")).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/uptime").then().statusCode(200); // no permission named: allow-list only
    }

    @Test
    void thePermissionDoesNotReplaceTheAllowList() {
        given().auth().oauth2(Fixtures.user("quentin", "control-ptz")).contentType(ContentType.JSON)
                .body(Map.of("x", 1))
                .post("/api/run/" + device + "/set-x").then().statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
    }

    @Test
    void adminsAndServicesPass() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("x", -5))
                .post("/api/run/" + device + "/set-x").then().statusCode(200);
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON).body(Map.of("x", 5))
                .post("/api/run/" + device + "/set-x").then().statusCode(200);
    }

    @Test
    void thePermissionIsPartOfTheRunDefinition() {
        given().auth().oauth2(Fixtures.user("pete")).get("/api/runs").then().statusCode(200)
                .body("find { it.model == '" + model + "' && it.command == 'echo pan to $x' }.permission",
                        equalTo("control-ptz"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("model", model, "action", Fixtures.action("bad-permission"), "command", "true",
                        "permission", "Control PTZ!"))
                .post("/api/runs").then().statusCode(400).body("error", containsString("permission"));
    }
}
