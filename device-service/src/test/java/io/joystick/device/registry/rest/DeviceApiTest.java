package io.joystick.device.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class DeviceApiTest {

    @Test
    void usersSeeOnlyDevicesWhoseAllowListHoldsThem() {
        String model = Fixtures.model();
        String mine = Fixtures.device(model, Map.of("host", "10.0.0.1"), "alice");
        String theirs = Fixtures.device(model, Map.of("host", "10.0.0.2"), "bob");
        given().auth().oauth2(Fixtures.user("alice")).get("/api/devices").then().statusCode(200)
                .body("id", hasItem(mine)).body("id", not(hasItem(theirs)));
        given().auth().oauth2(Fixtures.user("alice")).get("/api/devices/" + mine).then().statusCode(200);
        given().auth().oauth2(Fixtures.user("alice")).get("/api/devices/" + theirs).then().statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
        given().auth().oauth2(Fixtures.admin()).get("/api/devices").then().statusCode(200)
                .body("id", hasItem(mine)).body("id", hasItem(theirs));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).get("/api/devices").then().statusCode(200)
                .body("id", hasItem(theirs));
        given().get("/api/devices").then().statusCode(401);
    }

    @Test
    void creatingNeedsAdminOrCreateDevicePermission() {
        String model = Fixtures.model();
        Map<String, Object> body = Map.of("name", "cam", "model", model);
        given().auth().oauth2(Fixtures.user("carol")).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(403).body("error", equalTo("Missing required permissions: create-device"));
        given().auth().oauth2(Fixtures.user("carol", "create-device")).contentType(ContentType.JSON).body(body)
                .post("/api/devices").then().statusCode(201).body("owner", equalTo("carol"));
    }

    @Test
    void onlyOwnerOrAdminChangesOrDeletesADevice() {
        String model = Fixtures.model();
        String id = given().auth().oauth2(Fixtures.user("dave", "create-device")).contentType(ContentType.JSON)
                .body(Map.of("name", "dave-cam", "model", model, "allow", List.of("erin")))
                .post("/api/devices").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.user("erin")).contentType(ContentType.JSON).body(Map.of("name", "hijacked"))
                .patch("/api/devices/" + id).then().statusCode(403);
        given().auth().oauth2(Fixtures.user("erin")).contentType(ContentType.JSON)
                .body(Map.of("allow", List.of("erin", "mallory")))
                .put("/api/devices/" + id + "/allow").then().statusCode(403);
        given().auth().oauth2(Fixtures.user("dave")).contentType(ContentType.JSON).body(Map.of("name", "renamed"))
                .patch("/api/devices/" + id).then().statusCode(200).body("name", equalTo("renamed"));
        given().auth().oauth2(Fixtures.user("dave")).contentType(ContentType.JSON)
                .body(Map.of("allow", List.of("frank")))
                .put("/api/devices/" + id + "/allow").then().statusCode(200).body("allow", equalTo(List.of("frank")));
        // what other services check access with: the owner is allowed too
        given().header("X-API-Key", TestKeys.SERVICE_KEY).get("/api/devices/" + id + "/allow").then().statusCode(200)
                .body("allow", equalTo(List.of("dave", "frank")));
        given().auth().oauth2(Fixtures.user("erin")).get("/api/devices/" + id).then().statusCode(403);
        given().auth().oauth2(Fixtures.user("frank")).delete("/api/devices/" + id).then().statusCode(403);
        given().auth().oauth2(Fixtures.user("dave")).delete("/api/devices/" + id).then().statusCode(204);
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + id).then().statusCode(404);
    }

    @Test
    void secretsAreWriteOnly() {
        String model = Fixtures.model();
        String id = Fixtures.device(model, Map.of("host", "10.0.0.3", "user", "root", "password", "hunter2-device-pw",
                "key", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"));
        String body = given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + id).then().statusCode(200)
                .body("information.hasPassword", equalTo(true)).body("information.hasKey", equalTo(true))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("hunter2"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("PRIVATE KEY"), body);
        given().auth().oauth2(Fixtures.admin()).get("/api/devices").then().statusCode(200)
                .body(not(containsString("hunter2")));
    }

    @Test
    void slotAndStatusAreForServicesAndAdmins() {
        String model = Fixtures.model();
        String id = Fixtures.device(model, Map.of("host", "10.0.0.4", "secondSlotHost", "10.0.1.4"), "gina");
        given().auth().oauth2(Fixtures.user("gina")).contentType(ContentType.JSON).body(Map.of("slot", "secondary"))
                .patch("/api/devices/" + id + "/slot").then().statusCode(403);
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON)
                .body(Map.of("slot", "secondary"))
                .patch("/api/devices/" + id + "/slot").then().statusCode(200)
                .body("information.activeSlot", equalTo("secondary"));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON).body(Map.of("status", "online"))
                .patch("/api/devices/" + id + "/status").then().statusCode(200).body("status", equalTo("online"));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON).body(Map.of("slot", "tertiary"))
                .patch("/api/devices/" + id + "/slot").then().statusCode(400);
        given().header("X-API-Key", TestKeys.SERVICE_KEY).get("/api/devices/" + id + "/allow").then().statusCode(200)
                .body("allow", equalTo(List.of("admin-1", "gina"))); // the admin who created it owns it
    }

    @Test
    void aModelInUseIsNotDeletedAndATooLargeConfigurationIsRefused() {
        String model = Fixtures.model();
        String id = Fixtures.device(model, Map.of("host", "10.0.0.6"));
        given().auth().oauth2(Fixtures.admin()).delete("/api/models/" + model).then().statusCode(409)
                .body("success", equalTo(false)).body("error", containsString("used by 1 device"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("configuration", Map.of("source", "x".repeat(20_001))))
                .patch("/api/devices/" + id).then().statusCode(400).body("error", containsString("configuration"));
        given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + id).then().statusCode(204);
        given().auth().oauth2(Fixtures.admin()).delete("/api/models/" + model).then().statusCode(204);
    }

    @Test
    void configurationForwardsOnlyAllowListedMediaMtxPathFields() {
        String id = Fixtures.device(Fixtures.model(), Map.of("host", "10.0.0.8"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("configuration", Map.of("source", "rtsp://$host:8554/cam", "record", true,
                        "recordPath", "/etc/cron.d/%path", "runOnInit", "id", "bogus", 1)))
                .patch("/api/devices/" + id).then().statusCode(400)
                .body("error", containsString("bogus, record, recordPath, runOnInit not allowed"))
                .body("error", containsString("allowed are maxReaders, path, rtspAnyPort"))
                .body("error", containsString("sourceOnDemandCloseAfter"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("configuration", Map.of("source", Map.of("url", "rtsp://x"))))
                .patch("/api/devices/" + id).then().statusCode(400)
                .body("error", containsString("configuration.source: must be a string, a number or a boolean"));
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + id).then().statusCode(200)
                .body("configuration", equalTo(null));
        Map<String, Object> allowed = Map.of("path", "roof", "source", "rtsp://$host:8554/cam", "sourceOnDemand", true,
                "sourceOnDemandStartTimeout", "10s", "sourceOnDemandCloseAfter", "10s", "rtspTransport", "tcp");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("configuration", allowed))
                .patch("/api/devices/" + id).then().statusCode(200).body("configuration", equalTo(allowed));
    }

    @Test
    void refusesSecondarySlotWithoutSecondaryHost() {
        String id = Fixtures.device(Fixtures.model(), Map.of("host", "10.0.0.5"));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON)
                .body(Map.of("slot", "secondary"))
                .patch("/api/devices/" + id + "/slot").then().statusCode(400)
                .body("error", containsString("no secondary slot"));
    }

    @Test
    void refusesInvalidDeviceInput() {
        String model = Fixtures.model();
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "model", model, "information",
                        Map.of("host", "bad host; rm -rf /", "port", 70000)))
                .post("/api/devices").then().statusCode(400).body("success", equalTo(false))
                .body("details.size()", equalTo(2));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("name", "x", "model", "nope"))
                .post("/api/devices").then().statusCode(404);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body("{\"name\":")
                .post("/api/devices").then().statusCode(400).body("success", equalTo(false));
    }
}
