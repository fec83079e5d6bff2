package io.joystick.switcher.stream.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.switcher.Dependencies;
import io.joystick.switcher.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The stream status follows MediaMTX's runtime paths: on/waiting/off set through device-service only on a
 * change, one warning for a live stream waiting too long, viewers shown to those allowed, and statuses left
 * alone (readiness down, saying why) while MediaMTX cannot be read.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class StreamStatusTest {

    @Inject
    StreamStatusMonitor monitor;

    private final List<StubMapping> deviceStubs = new ArrayList<>();
    private final List<StubMapping> mediaMtxStubs = new ArrayList<>();
    private final String on = Stubs.unique("st-on");
    private final String stalled = Stubs.unique("st-stalled");
    private final String steady = Stubs.unique("st-steady");
    private final String gone = Stubs.unique("st-gone");
    private final String switchedOff = Stubs.unique("st-off");
    private final String onDemand = Stubs.unique("st-auto");

    @AfterEach
    void removeStubs() {
        deviceStubs.forEach(Stubs.deviceService()::removeStubMapping);
        mediaMtxStubs.forEach(Stubs.mediaMtx()::removeStubMapping);
        monitor.poll(); // leaves MediaMTX readable for the other tests
    }

    static String device(String id, String mode, String status) {
        return Stubs.deviceJson(id, mode, "primary", false, null, "{\"source\":\"rtsp://$host/cam\"}")
                .replace("\"status\":\"unknown\"", "\"status\":\"" + status + "\"");
    }

    static String path(String name, boolean ready, int readers) {
        return "{\"name\":\"" + name + "\",\"confName\":\"" + name
                + "\",\"source\":{\"type\":\"rtspSource\",\"id\":\"\"},"
                + "\"ready\":" + ready + ",\"readers\":[" + String.join(",", java.util.Collections.nCopies(readers,
                        "{\"type\":\"hlsMuxer\",\"id\":\"r\"}"))
                + "]}";
    }

    private void running(String devices, String paths) {
        deviceStubs.add(Stubs.deviceService()
                .register(get(urlPathEqualTo("/api/devices")).willReturn(okJson("[" + devices + "]"))));
        deviceStubs.add(Stubs.deviceService().register(patch(urlPathMatching("/api/devices/st-[^/]+/status"))
                .willReturn(okJson(device("st-x", "live", "on")))));
        mediaMtxStubs.add(Stubs.mediaMtx().register(get(urlPathEqualTo("/v3/paths/list"))
                .willReturn(okJson("{\"pageCount\":1,\"itemCount\":1,\"items\":[" + paths + "]}"))));
    }

    private void streams() {
        running(String.join(",", device(on, "live", "unknown"), device(stalled, "live", "on"),
                device(steady, "live", "on"),
                device(gone, "live", "waiting"), device(switchedOff, "off", "on"), device(onDemand, "auto", "waiting")),
                String.join(",", path(on, true, 2), path(stalled, false, 0), path(steady, true, 0),
                        path(onDemand, false, 0)));
    }

    private static int statusChanges(String id) {
        return Stubs.deviceService().find(patchRequestedFor(urlPathEqualTo("/api/devices/" + id + "/status"))).size();
    }

    private static void statusSet(String id, String status) {
        Stubs.deviceService().verifyThat(patchRequestedFor(urlPathEqualTo("/api/devices/" + id + "/status"))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withRequestBody(equalToJson("{\"status\":\"" + status + "\"}")));
    }

    @Test
    void eachStreamingDevicesStatusFollowsItsPathOnlyWhenItChanges() {
        streams();
        monitor.poll(Instant.parse("2026-01-01T10:00:00Z"));
        statusSet(on, "on");
        statusSet(stalled, "waiting");
        statusSet(gone, "off");
        statusSet(switchedOff, "off");
        assertEquals(0, statusChanges(steady));
        assertEquals(0, statusChanges(onDemand));
        Stubs.mediaMtx().verifyThat(WireMock.getRequestedFor(urlPathEqualTo("/v3/paths/list"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(Dependencies.MEDIAMTX_USER,
                        Dependencies.MEDIAMTX_PASSWORD)));
    }

    @Test
    void aLiveStreamWaitingTooLongWarnsItsUsersOnce() {
        streams();
        Instant start = Instant.parse("2026-01-01T11:00:00Z");
        monitor.poll(start);
        monitor.poll(start.plusSeconds(30));
        monitor.poll(start.plusSeconds(61));
        monitor.poll(start.plusSeconds(120));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Stubs.notifications().verifyThat(1,
                postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                        .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(stalled)))
                        .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("warning")))
                        .withRequestBody(matchingJsonPath("$.title", WireMock.equalTo("Stream lost")))));
        // on demand: waiting for a first viewer is normal
        assertEquals(0, Stubs.notifications().find(postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(onDemand)))).size());
    }

    @Test
    void viewersAreShownToThoseAllowedOnTheDevice() {
        streams();
        Stubs.allow(on, List.of("vera"));
        for (String other : List.of(stalled, steady, gone, switchedOff, onDemand)) {
            Stubs.allow(other, List.of());
        }
        monitor.poll(Instant.parse("2026-01-01T12:00:00Z"));
        given().auth().oauth2(Stubs.user("vera")).get("/api/stream/status").then().statusCode(200)
                .body("mediaMtx", equalTo("ok"))
                .body("devices.device", contains(on))
                .body("devices[0].status", equalTo("on")).body("devices[0].viewers", equalTo(2))
                .body("devices[0].path", equalTo(on)).body("devices[0].mode", equalTo("live"));
        given().auth().oauth2(Stubs.admin()).get("/api/stream/status").then().statusCode(200)
                .body("devices.device", hasItem(stalled))
                .body("devices.find { it.device == '" + stalled + "' }.status", equalTo("waiting"))
                .body("devices.find { it.device == '" + stalled + "' }.waitingSince", startsWith("2026-01-01T12:00"))
                .body("devices.find { it.device == '" + gone + "' }.status", equalTo("off"));
        given().get("/api/stream/status").then().statusCode(401);
    }

    @Test
    void whileMediaMtxCannotBeReadStatusesStayAndReadinessSaysWhy() {
        running(device(stalled, "live", "on"), "");
        mediaMtxStubs.add(Stubs.mediaMtx().register(get(urlPathEqualTo("/v3/paths/list"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))));
        monitor.poll(Instant.parse("2026-01-01T13:00:00Z"));
        assertEquals(0, statusChanges(stalled));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'mediamtx' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'mediamtx' }.data.error", startsWith("MediaMTX unreachable"));
        given().auth().oauth2(Stubs.admin()).get("/api/stream/status").then().body("mediaMtx", equalTo("unreachable"));

        Stubs.mediaMtx().removeStubMapping(mediaMtxStubs.remove(mediaMtxStubs.size() - 1));
        monitor.poll(Instant.parse("2026-01-01T13:00:05Z"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aPathListWithoutABodyIsNamedNotACrash() {
        running(device(stalled, "live", "on"), "");
        mediaMtxStubs.add(Stubs.mediaMtx().register(get(urlPathEqualTo("/v3/paths/list"))
                .willReturn(aResponse().withStatus(200))));
        monitor.poll(Instant.parse("2026-01-01T14:00:00Z"));
        assertEquals(0, statusChanges(stalled));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'mediamtx' }.data.error", containsString("without a body"));

        Stubs.mediaMtx().removeStubMapping(mediaMtxStubs.remove(mediaMtxStubs.size() - 1));
        monitor.poll(Instant.parse("2026-01-01T14:00:05Z"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void readinessAsksMediaMtxEachTimeAndNamesItWhenItDoesNotAnswer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'mediamtx' }.data.version", equalTo("v1.20.1"));

        // e.g. MediaMTX restarted and the switcher's last read of its paths is still fresh
        mediaMtxStubs.add(Stubs.mediaMtx().register(get(urlPathEqualTo("/v3/info"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'mediamtx' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'mediamtx' }.data.error",
                        startsWith("MediaMTX's API does not answer (/v3/info)"));

        Stubs.mediaMtx().removeStubMapping(mediaMtxStubs.remove(mediaMtxStubs.size() - 1));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
