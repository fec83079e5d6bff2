package io.joystick.device.registry.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * One access rule: for every kind of caller, the REST reads and listing of devices agree with the allow-list that
 * runs, pings, logs and the other services' checks use, and with the action-log search that pages in the database.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class DeviceAccessAgreementTest {

    record Who(String name, Supplier<RequestSpecification> request, boolean allowed) {
    }

    @Test
    void restReadsListingsAllowListRunsAndLogSearchAgreeForEveryCaller() {
        String model = Fixtures.model();
        String action = Fixtures.unique("agree");
        Fixtures.run(model, Fixtures.action(action), "echo ran", "local", null, null);
        String device = given().auth().oauth2(Fixtures.user("olga", "create-device")).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("device"), "model", model, "allow", List.of("alice")))
                .post("/api/devices").then().statusCode(201).body("owner", equalTo("olga")).extract().path("id");
        given().auth().oauth2(Fixtures.admin()).post("/api/run/" + device + "/" + action).then().statusCode(200);

        List<Who> callers = List.of(
                new Who("admin", () -> given().auth().oauth2(Fixtures.admin()), true),
                new Who("service", () -> given().header("X-API-Key", TestKeys.SERVICE_KEY), true),
                new Who("owner", () -> given().auth().oauth2(Fixtures.user("olga")), true),
                new Who("on the allow-list", () -> given().auth().oauth2(Fixtures.user("alice")), true),
                new Who("stranger", () -> given().auth().oauth2(Fixtures.user("sam")), false));
        List<String> allowList = given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device + "/allow").then()
                .statusCode(200).extract().path("allow");
        for (Who who : callers) {
            int status = who.allowed() ? 200 : 403;
            // REST reads and the listing (DeviceService)
            assertEquals(status, who.request().get().get("/api/devices/" + device).statusCode(), who.name() + " reads");
            who.request().get().get("/api/devices").then().statusCode(200)
                    .body("id", who.allowed() ? hasItem(device) : not(hasItem(device)));
            // the allow-list (DeviceAccess over DatabaseDeviceAllowList), as pings, logs and runs check it
            assertEquals(status, who.request().get().get("/api/ping/" + device).statusCode(), who.name() + " pings");
            assertEquals(status, who.request().get().get("/api/devices/" + device + "/logs").statusCode(),
                    who.name() + " reads logs");
            assertEquals(status, who.request().get().post("/api/run/" + device + "/" + action).statusCode(),
                    who.name() + " runs");
            // the action-log search, whose rule is a database query
            who.request().get().queryParam("action", action).get("/api/action-logs").then().statusCode(200)
                    .body("items.deviceId", who.allowed() ? hasItem(device) : not(hasItem(device)));
        }
        // what other services are told: the users of the rule, owner included
        assertEquals(List.of("alice", "olga"), allowList);
    }
}
