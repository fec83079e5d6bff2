package io.joystick.switcher.stream.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
 * {@code POST /api/mode/{device}/{mode}}: who may change it, the exact MediaMTX requests behind each mode, MediaMTX
 * down or refusing, and path configuration that is refused before it reaches MediaMTX.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class ModeResourceTest {

    @Test
    void liveAddsTheMediaMtxPathWithTheDeviceConfigurationAndOffDeletesIt() {
        String device = Stubs.plainDevice("off", false, Stubs.SECONDARY_HOST,
                "{\"path\":\"roof-cam-" + "x\",\"source\":\"rtsp://$host:8554/main\",\"rtspTransport\":\"tcp\"}",
                List.of("ivan"));
        Stubs.mediaMtxAnswers("POST", "/v3/config/paths/add/roof-cam-x", 200, null);
        Stubs.mediaMtxAnswers("DELETE", "/v3/config/paths/delete/roof-cam-x", 200, null);
        given().auth().oauth2(Stubs.user("ivan", "control-mode")).post("/api/mode/" + device + "/live").then()
                .statusCode(200).body("success", equalTo(true)).body("mode", equalTo("live"))
                .body("path", equalTo("roof-cam-x"));
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/roof-cam-x"))
                .withBasicAuth(Stubs.MEDIAMTX)
                .withRequestBody(equalToJson(
                        "{\"source\":\"rtsp://" + Stubs.PRIMARY_HOST + ":8554/main\",\"rtspTransport\":\"tcp\"}")));
        given().auth().oauth2(Stubs.user("ivan", "control-mode")).post("/api/mode/" + device + "/off").then()
                .statusCode(200);
        Stubs.mediaMtx().verifyThat(1,
                deleteRequestedFor(urlPathEqualTo("/v3/config/paths/delete/roof-cam-x")).withBasicAuth(Stubs.MEDIAMTX));
        // no call back into device-service's set-mode
        assertEquals(0, Stubs.deviceService().find(postRequestedFor(urlPathEqualTo("/api/run/" + device + "/set-mode")))
                .size());
    }

    @Test
    void autoAddsAPathPulledOnDemandAndAnExistingPathIsReplaced() {
        String device = Stubs.plainDevice("off", false, null, "{\"source\":\"rtsp://$host/s\"}", List.of());
        Stubs.mediaMtxAnswers("POST", "/v3/config/paths/add/" + device, 400,
                "{\"status\":\"error\",\"error\":\"path already exists\"}");
        Stubs.mediaMtxAnswers("POST", "/v3/config/paths/replace/" + device, 200, null);
        given().header("X-API-Key", TestKeys.SERVICE_KEY).post("/api/mode/" + device + "/auto").then().statusCode(200);
        String expected = "{\"source\":\"rtsp://" + Stubs.PRIMARY_HOST + "/s\",\"sourceOnDemand\":true}";
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))
                .withRequestBody(equalToJson(expected)));
        Stubs.mediaMtx().verifyThat(1, postRequestedFor(urlPathEqualTo("/v3/config/paths/replace/" + device))
                .withBasicAuth(Stubs.MEDIAMTX).withRequestBody(equalToJson(expected)));
    }

    @Test
    void mediaMtxDownIsA503NamingMediaMtx() {
        String device = Stubs.plainDevice("off", false, null, "{\"source\":\"rtsp://$host/s\"}", List.of());
        Stubs.mediaMtx().register(WireMock.post(urlPathEqualTo("/v3/config/paths/add/" + device))
                .willReturn(WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(503)
                .body("error", equalTo("MediaMTX is unreachable"));
    }

    @Test
    void aMediaMtxRefusalIsA502WithItsError() {
        String device = Stubs.plainDevice("off", false, null, "{\"source\":\"nonsense://$host\"}", List.of());
        Stubs.mediaMtxAnswers("POST", "/v3/config/paths/add/" + device, 400,
                "{\"status\":\"error\",\"error\":\"invalid source: 'nonsense://10.9.0.1'\"}");
        given().header("X-API-Key", TestKeys.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(502)
                .body("success", equalTo(false))
                .body("error", equalTo("MediaMTX refused (400): invalid source: 'nonsense://10.9.0.1'"));
        String devicePath = Stubs.plainDevice("off", false, null, null, List.of());
        Stubs.mediaMtxAnswers("DELETE", "/v3/config/paths/delete/" + devicePath, 404,
                "{\"status\":\"error\",\"error\":\"path not found\"}");
        given().header("X-API-Key", TestKeys.SERVICE_KEY).post("/api/mode/" + devicePath + "/off").then()
                .statusCode(200);
    }

    @Test
    void configurationThatWouldRunCommandsOnTheMediaServerIsRefused() {
        String device = Stubs.plainDevice("off", false, null, "{\"runOnReady\":\"sh -c 'curl x|sh'\"}", List.of());
        given().header("X-API-Key", TestKeys.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.startsWith("configuration: runOnReady not allowed; allowed are "));
        assertEquals(0,
                Stubs.mediaMtx().find(postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))).size());
    }

    @Test
    void configurationThatWouldWriteFilesOnTheMediaServerIsRefused() {
        String device = Stubs.plainDevice("off", false, null,
                "{\"source\":\"rtsp://$host:8554/cam\",\"record\":true,\"recordPath\":\"/etc/cron.d/%path\"}",
                List.of());
        given().header("X-API-Key", TestKeys.SERVICE_KEY).post("/api/mode/" + device + "/live").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("record, recordPath not allowed"))
                .body("error", org.hamcrest.Matchers.containsString("source, sourceFingerprint, sourceOnDemand"));
        assertEquals(0,
                Stubs.mediaMtx().find(postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))).size());
    }

    @Test
    void changingModeNeedsControlModeAndTheAllowList() {
        String device = Stubs.plainDevice("off", false, null, null, List.of("ivan"));
        given().auth().oauth2(Stubs.user("ivan", "toggle-slot")).post("/api/mode/" + device + "/live").then()
                .statusCode(403).body("error", equalTo("Missing required permissions: control-mode"));
        given().auth().oauth2(Stubs.user("olga", "control-mode")).post("/api/mode/" + device + "/live").then()
                .statusCode(403);
        assertEquals(0,
                Stubs.mediaMtx().find(postRequestedFor(urlPathEqualTo("/v3/config/paths/add/" + device))).size());
    }
}
