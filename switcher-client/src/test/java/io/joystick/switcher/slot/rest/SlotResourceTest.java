package io.joystick.switcher.slot.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.switcher.Dependencies;
import io.joystick.switcher.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST /api/slot/{device}/{slot}}: who may switch (permission and allow-list), a refused secondary, and the
 * exact device-service, MediaMTX and notification requests behind a switch.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class SlotResourceTest {

    @Test
    void switchingASlotNeedsToggleSlotAndTheAllowList() {
        String device = Stubs.monitoredDevice("live", List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan", "control-mode")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(403).body("error", equalTo("Missing required permissions: toggle-slot"));
        given().auth().oauth2(Stubs.user("olga", "toggle-slot")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
        assertEquals(0, Stubs.deviceService()
                .find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
    }

    @Test
    void anAllowedUserSwitchesTheSlotAndTheStreamFollows() {
        String device = Stubs.monitoredDevice("live", List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan", "toggle-slot")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(200).body("success", equalTo(true)).body("activeSlot", equalTo("secondary"))
                .body("previousSlot", equalTo("primary")).body("changed", equalTo(true));
        Stubs.deviceService().verifyThat(1, patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withRequestBody(equalToJson("{\"slot\":\"secondary\"}")));
        Stubs.mediaMtx().verifyThat(1, patchRequestedFor(urlPathEqualTo("/v3/config/paths/patch/" + device))
                .withBasicAuth(Stubs.MEDIAMTX)
                .withRequestBody(
                        equalToJson("{\"source\":\"rtsp://" + Stubs.SECONDARY_HOST + ":8554/" + device + "\"}")));
        Stubs.notifications().verifyThat(1, postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withRequestBody(WireMock.matchingJsonPath("$.deviceId", WireMock.equalTo(device)))
                .withRequestBody(WireMock.matchingJsonPath("$.type", WireMock.equalTo("info")))
                .withRequestBody(
                        WireMock.matchingJsonPath("$.message", WireMock.containing("requested by user ivan"))));

        // already there: nothing to do
        given().auth().oauth2(Stubs.user("ivan", "toggle-slot")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(200).body("changed", equalTo(false));
        assertEquals(1, Stubs.deviceService()
                .find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
    }

    @Test
    void anUnconfiguredSecondaryIsRefused() {
        String device = Stubs.plainDevice("live", false, null, null, List.of());
        given().auth().oauth2(Stubs.admin()).post("/api/slot/" + device + "/secondary").then().statusCode(400)
                .body("success", equalTo(false))
                .body("error", equalTo("Device " + device + " has no secondary slot configured"));
        assertEquals(0, Stubs.deviceService()
                .find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
    }
}
