package io.joystick.device.log.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.log.service.ActionLogPage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The run logs' pages: a page past the end is empty, a page whose offset would not fit is a clear 400. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class LogsPagingTest {

    @Test
    void theLastAddressablePageIsEmptyNotAnError() {
        String device = Fixtures.device(Fixtures.model(), Map.of("host", "10.8.0.1"));
        given().auth().oauth2(Fixtures.admin()).queryParam("page", ActionLogPage.MAX_PAGE)
                .queryParam("perPage", ActionLogPage.MAX_PER_PAGE).get("/api/devices/" + device + "/logs").then()
                .statusCode(200).body("items", empty()).body("page", equalTo(ActionLogPage.MAX_PAGE));
        given().auth().oauth2(Fixtures.admin()).queryParam("page", ActionLogPage.MAX_PAGE)
                .queryParam("perPage", ActionLogPage.MAX_PER_PAGE).get("/api/action-logs").then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void refusesAPageWhoseOffsetOverflows() {
        String device = Fixtures.device(Fixtures.model(), Map.of("host", "10.8.0.2"));
        given().auth().oauth2(Fixtures.admin()).queryParam("page", Integer.MAX_VALUE)
                .get("/api/devices/" + device + "/logs").then().statusCode(400).body("error", containsString("page"));
        given().auth().oauth2(Fixtures.admin()).queryParam("page", Integer.MAX_VALUE)
                .get("/api/action-logs").then().statusCode(400).body("error", containsString("page"));
    }
}
