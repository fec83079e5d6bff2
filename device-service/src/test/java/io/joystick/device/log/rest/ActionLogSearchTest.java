package io.joystick.device.log.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
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
import io.restassured.specification.RequestSpecification;

/** {@code GET /api/action-logs}: runs across the devices the caller may see, filtered and paged. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class ActionLogSearchTest {

    String rita;
    String sam;
    String ping;
    String fail;
    String ritas;
    String sams;
    Instant start;

    @BeforeEach
    void runs() {
        rita = Fixtures.unique("rita");
        sam = Fixtures.unique("sam");
        ping = Fixtures.unique("ping");
        fail = Fixtures.unique("fail");
        String model = Fixtures.model();
        Fixtures.run(model, Fixtures.action(ping), "echo pong", "local", null, null);
        Fixtures.run(model, Fixtures.action(fail), "exit 2", "local", null, null);
        ritas = Fixtures.device(model, Map.of("host", "10.7.0.1"), rita);
        sams = Fixtures.device(model, Map.of("host", "10.7.0.2"), sam);
        start = Instant.now().minusSeconds(1);
        run(Fixtures.user(rita), ritas, ping, 200);
        run(Fixtures.user(rita), ritas, fail, 500);
        run(Fixtures.user(sam), sams, ping, 200);
        run(Fixtures.admin(), ritas, ping, 200);
    }

    private static void run(String token, String device, String action, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/run/" + device + "/" + action)
                .then().statusCode(status);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).queryParam("perPage", 500);
    }

    @Test
    void aUserSeesTheRunsOfTheDevicesTheyMaySeeOnly() {
        as(Fixtures.user(rita)).get("/api/action-logs").then().statusCode(200)
                .body("items.deviceId", hasItem(ritas)).body("items.deviceId", not(hasItem(sams)));
        as(Fixtures.user(rita)).queryParam("device", ritas).get("/api/action-logs").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.deviceId", everyItem(equalTo(ritas)));
        as(Fixtures.user(rita)).queryParam("device", sams).get("/api/action-logs").then().statusCode(403);
        as(Fixtures.user(rita)).queryParam("device", "no-such-device").get("/api/action-logs").then().statusCode(404);
        given().get("/api/action-logs").then().statusCode(401);
    }

    @Test
    void adminsSeeEveryDevice() {
        as(Fixtures.admin()).queryParam("action", ping).get("/api/action-logs").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.deviceId", hasItem(ritas))
                .body("items.deviceId", hasItem(sams));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).queryParam("action", ping).get("/api/action-logs").then()
                .statusCode(200).body("totalItems", equalTo(3));
    }

    @Test
    void filtersByUserActionSuccessAndTime() {
        as(Fixtures.admin()).queryParam("user", rita).get("/api/action-logs").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.userId", everyItem(equalTo(rita)));
        as(Fixtures.admin()).queryParam("device", ritas).queryParam("success", false).get("/api/action-logs").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].action", equalTo(fail))
                .body("items[0].exitCode", equalTo(2));
        as(Fixtures.admin()).queryParam("device", ritas).queryParam("action", ping).queryParam("success", true)
                .get("/api/action-logs").then().statusCode(200).body("totalItems", equalTo(2));
        as(Fixtures.admin()).queryParam("device", ritas).queryParam("from", start.toString()).get("/api/action-logs")
                .then().statusCode(200).body("totalItems", equalTo(3));
        as(Fixtures.admin()).queryParam("device", ritas).queryParam("to", start.toString()).get("/api/action-logs")
                .then().statusCode(200).body("totalItems", equalTo(0));
        as(Fixtures.admin()).queryParam("from", "yesterday").get("/api/action-logs").then().statusCode(400)
                .body("error", containsString("from"));
        as(Fixtures.admin()).queryParam("success", "maybe").get("/api/action-logs").then().statusCode(400);
    }

    @Test
    void pagesNewestFirst() {
        given().auth().oauth2(Fixtures.user(rita)).queryParam("device", ritas).queryParam("perPage", 2)
                .queryParam("page", 2).get("/api/action-logs").then().statusCode(200)
                .body("page", equalTo(2)).body("perPage", equalTo(2)).body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].action", equalTo(ping)).body("items[0].userId", equalTo(rita));
        given().auth().oauth2(Fixtures.user(rita)).queryParam("perPage", 501).get("/api/action-logs").then()
                .statusCode(400);
    }
}
