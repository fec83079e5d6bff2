package io.joystick.switcher.health.service;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import io.restassured.response.ValidatableResponse;

/**
 * The health loop against a device-service stub, one device per test, checks triggered through
 * {@code POST /api/health/check?device=} (threshold 2, default hold time).
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class FailoverTest {

    static ValidatableResponse check(String device) {
        return given().header("X-API-Key", TestKeys.SERVICE_KEY).queryParam("device", device)
                .post("/api/health/check").then().statusCode(200);
    }

    static int slotChecks(String device, String slot) {
        return Stubs.deviceService().find(postRequestedFor(urlPathEqualTo("/api/run/" + device + "/slot-check"))
                .withRequestBody(equalToJson("{\"slot\":\"" + slot + "\"}"))).size();
    }

    static int switches(String device) {
        return Stubs.deviceService().find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size();
    }

    static int notifications(String device) {
        return Stubs.notifications().find(postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(device)))).size();
    }

    @Test
    void healthyDeviceStaysOnItsSlotAndOnlyThatSlotIsChecked() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.slot(device, "primary", true);
        for (int i = 0; i < 3; i++) {
            check(device).body("activeSlot", equalTo("primary")).body("failureCount", equalTo(0))
                    .body("slots.primary.status", equalTo("healthy"))
                    .body("slots.secondary.status", equalTo("unknown"));
        }
        assertEquals(3, slotChecks(device, "primary"));
        assertEquals(0, slotChecks(device, "secondary"));
        assertEquals(0, switches(device));
        assertEquals(0, notifications(device));
    }

    @Test
    void slotCheckRunsQuietlyWithTheApiKeyAndABoundedTimeout() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.slot(device, "primary", true);
        check(device);
        Stubs.deviceService().verifyThat(1, postRequestedFor(urlPathEqualTo("/api/run/" + device + "/slot-check"))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withQueryParam("log", WireMock.equalTo("false")).withQueryParam("timeout", WireMock.equalTo("5"))
                .withRequestBody(equalToJson("{\"slot\":\"primary\"}")));
    }

    @Test
    void oneFailureDoesNotSwitch() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.slot(device, "primary", false);
        Stubs.slot(device, "secondary", true);
        check(device).body("activeSlot", equalTo("primary")).body("failureCount", equalTo(1))
                .body("slots.primary.status", equalTo("unhealthy"))
                .body("slots.primary.lastError", containsString("slot-check printed: false"));
        assertEquals(0, slotChecks(device, "secondary"));
        assertEquals(0, switches(device));
    }

    @Test
    void thresholdFailuresWithAHealthyAlternateSwitchOnceRepointTheStreamAndNotify() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.slotUnreachable(device, "primary");
        Stubs.slot(device, "secondary", true);
        check(device).body("activeSlot", equalTo("primary"));
        check(device).body("activeSlot", equalTo("secondary")).body("lastSwitchReason",
                equalTo("primary failed 2 consecutive checks and secondary is healthy"));
        check(device).body("activeSlot", equalTo("secondary"));
        check(device).body("activeSlot", equalTo("secondary"));

        Stubs.deviceService().verifyThat(1, patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withRequestBody(equalToJson("{\"slot\":\"secondary\"}")));
        assertEquals(1, switches(device));
        Stubs.mediaMtx().verifyThat(1, patchRequestedFor(urlPathEqualTo("/v3/config/paths/patch/" + device))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(Dependencies.MEDIAMTX_USER,
                        Dependencies.MEDIAMTX_PASSWORD))
                .withRequestBody(
                        equalToJson("{\"source\":\"rtsp://" + Stubs.SECONDARY_HOST + ":8554/" + device + "\"}")));
        Stubs.notifications().verifyThat(1, postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(device)))
                .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("warning")))
                .withRequestBody(matchingJsonPath("$.metadata.from", WireMock.equalTo("primary")))
                .withRequestBody(matchingJsonPath("$.metadata.to", WireMock.equalTo("secondary"))));

        given().auth().oauth2(Stubs.admin()).get("/api/health/" + device).then().statusCode(200)
                .body("activeSlot", equalTo("secondary")).body("slots.primary.status", equalTo("unhealthy"))
                .body("slots.primary.consecutiveFailures", equalTo(2))
                .body("slots.secondary.status", equalTo("healthy"))
                .body("slots.secondary.host", equalTo(Stubs.SECONDARY_HOST));
    }

    @Test
    void bothSlotsUnhealthyDoesNotSwitch() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.slot(device, "primary", false);
        Stubs.slotUnreachable(device, "secondary");
        for (int i = 0; i < 3; i++) {
            check(device).body("activeSlot", equalTo("primary"));
        }
        check(device).body("slots.secondary.status", equalTo("unhealthy")).body("lastSwitch", nullValue());
        assertEquals(0, switches(device));
        assertEquals(0, notifications(device));
    }

    @Test
    void aStreamThatCannotBeRepointedDoesNotUndoTheSwitchAndIsNotified() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.mediaMtx().register(WireMock
                .patch(urlPathEqualTo("/v3/config/paths/patch/" + device)).willReturn(
                        WireMock.aResponse().withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"status\":\"error\",\"error\":\"invalid source\"}")));
        Stubs.slot(device, "primary", false);
        Stubs.slot(device, "secondary", true);
        check(device);
        check(device).body("activeSlot", equalTo("secondary"));
        Stubs.notifications().verifyThat(1, postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(device)))
                .withRequestBody(matchingJsonPath("$.message", WireMock.containing("invalid source"))));
    }

    @Test
    void deviceServiceTroubleIsNotCountedAsASlotFailure() {
        String device = Stubs.monitoredDevice("live", List.of());
        Stubs.deviceService().register(WireMock
                .post(urlPathEqualTo("/api/run/" + device + "/slot-check")).willReturn(
                        WireMock.aResponse().withStatus(404)
                                .withHeader("Content-Type", "application/json").withBody(
                                        "{\"success\":false,\"error\":\"Action slot-check is not defined for this device's model\"}")));
        for (int i = 0; i < 3; i++) {
            check(device).body("failureCount", equalTo(0)).body("activeSlot", equalTo("primary"));
        }
        check(device).body("slots.primary.status", equalTo("unknown"))
                .body("slots.primary.lastError", containsString("not defined for this device's model"));
        assertEquals(0, slotChecks(device, "secondary"));
    }

    @Test
    void aDeviceWithoutASecondSlotIsNotChecked() {
        String device = Stubs.plainDevice("live", true, null, null, List.of());
        given().header("X-API-Key", TestKeys.SERVICE_KEY).queryParam("device", device).post("/api/health/check").then()
                .statusCode(400).body("success", equalTo(false))
                .body("error", equalTo("Device " + device + " has no secondary slot configured"));
        assertEquals(0, slotChecks(device, "primary"));
    }
}
