package io.joystick.switcher.health.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.switcher.Dependencies;
import io.joystick.switcher.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /api/health/…}: a device's health for those on its allow-list, devices named like the literal paths, and
 * a full run with the devices a caller may see.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class SlotHealthResourceTest {

    @Test
    void aDevicesHealthIsForUsersOnItsAllowList() {
        String device = Stubs.monitoredDevice("live", List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan")).get("/api/health/" + device).then().statusCode(200)
                .body("device", equalTo(device)).body("monitored", equalTo(true)).body("activeSlot", equalTo("primary"))
                .body("slots.primary.status", equalTo("unknown"))
                .body("slots.primary.host", equalTo(Stubs.PRIMARY_HOST));
        given().auth().oauth2(Stubs.user("olga", "system-status")).get("/api/health/" + device).then().statusCode(403);
    }

    @Test
    void devicesNamedLikeTheLiteralPathsHaveTheirHealthServed() {
        for (String id : List.of("devices", "check")) {
            Stubs.plainDevice(id, "off", false, null, "{}", List.of("ivan"));
            given().auth().oauth2(Stubs.user("ivan")).get("/api/health/devices/" + id).then().statusCode(200)
                    .body("device", equalTo(id)).body("monitored", equalTo(false));
        }
        String device = Stubs.monitoredDevice("live", List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan")).get("/api/health/devices/" + device).then().statusCode(200)
                .body("device", equalTo(device));
    }

    @Test
    void aFullRunChecksMonitoredDevicesAndReportsThoseWithoutASecondSlot() {
        given().auth().oauth2(Stubs.user("ivan", "toggle-slot")).get("/api/health/devices").then().statusCode(403)
                .body("error", equalTo("Missing required permissions: system-status"));
        given().auth().oauth2(Stubs.user("ivan", "system-status")).post("/api/health/check").then().statusCode(403);

        given().auth().oauth2(Stubs.admin()).post("/api/health/check").then().statusCode(200)
                .body("checked", equalTo(List.of("listed-monitored")))
                .body("withoutSecondary", equalTo(List.of("listed-no-secondary")));
        Stubs.deviceService().verifyThat(0,
                postRequestedFor(urlPathEqualTo("/api/run/listed-no-secondary/slot-check")));
        given().auth().oauth2(Stubs.admin()).get("/api/health/devices").then().statusCode(200)
                .body("shard", equalTo("0/1")).body("devices.device", equalTo(List.of("listed-monitored")))
                .body("devices[0].slots.primary.status", equalTo("healthy"))
                .body("withoutSecondary", equalTo(List.of("listed-no-secondary")));

        // a user with system-status sees only the devices on whose allow-list they are
        Stubs.allow("listed-monitored", List.of("ivan"));
        Stubs.allow("listed-no-secondary", List.of());
        given().auth().oauth2(Stubs.user("olga", "system-status")).get("/api/health/devices").then().statusCode(200)
                .body("devices.device", not(hasItem("listed-monitored")));
    }

    @Test
    void aCheckAnswersWithOneDevicesHealthOrTheWholeRunsReport() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.slot(device, "primary", true);
        Map<String, Object> health = given().auth().oauth2(Stubs.admin()).queryParam("device", device)
                .post("/api/health/check").then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(List.of("device", "monitored", "activeSlot", "failureCount", "lastCheck", "lastSwitch",
                "lastSwitchReason", "lastDecision", "lastDecisionAt", "switchHeldUntil", "slots"),
                List.copyOf(health.keySet()));
        assertEquals(Set.of("primary", "secondary"), ((Map<?, ?>) health.get("slots")).keySet());
        assertEquals(List.of("host", "status", "consecutiveFailures", "lastCheck", "healthySince", "lastError"),
                List.copyOf(((Map<?, ?>) ((Map<?, ?>) health.get("slots")).get("primary")).keySet()));

        Map<String, Object> run = given().auth().oauth2(Stubs.admin()).post("/api/health/check").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(List.of("started", "finished", "checked", "withoutSecondary", "failed", "error"),
                List.copyOf(run.keySet()));
    }
}
