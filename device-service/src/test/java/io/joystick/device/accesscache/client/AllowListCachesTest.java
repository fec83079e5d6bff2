package io.joystick.device.accesscache.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.LogCapture;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.joystick.device.HangGuard;
import io.joystick.device.PeerServiceStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * notification-service, switcher-client and fleet-service cache allow-lists; when one changes or its device goes,
 * device-service tells each (with the API key, in the background) to drop the entry.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(PeerServiceStubs.class)
class AllowListCachesTest {

    WireMock notifications;
    WireMock switcher;
    WireMock fleet;
    String device;

    @BeforeEach
    void stubs() {
        notifications = PeerServiceStubs.client(PeerServiceStubs.NOTIFICATION_URL);
        switcher = PeerServiceStubs.client(PeerServiceStubs.SWITCHER_URL);
        fleet = PeerServiceStubs.client(PeerServiceStubs.FLEET_URL);
        device = Fixtures.device(Fixtures.model(), Map.of("host", "10.4.0.1"), "nora");
        for (WireMock peer : List.of(notifications, switcher, fleet)) {
            peer.register(delete(urlPathEqualTo("/api/internal/device-access/" + device))
                    .willReturn(aResponse().withStatus(204)));
        }
    }

    private RequestPatternBuilder forgot() {
        return deleteRequestedFor(urlPathEqualTo("/api/internal/device-access/" + device))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withoutHeader("Authorization");
    }

    private void allForgot(int times) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            notifications.verifyThat(times, forgot());
            switcher.verifyThat(times, forgot());
            fleet.verifyThat(times, forgot());
        });
    }

    @Test
    void changingTheAllowListTellsTheCachingServices() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("allow", List.of("otto")))
                .put("/api/devices/" + device + "/allow").then().statusCode(200);
        allForgot(1);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("allow", List.of("nora")))
                .patch("/api/devices/" + device).then().statusCode(200);
        allForgot(2);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("owner", "otto"))
                .patch("/api/devices/" + device).then().statusCode(200);
        allForgot(3);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("name", "renamed"))
                .patch("/api/devices/" + device).then().statusCode(200);
        given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + device).then().statusCode(204);
        allForgot(4); // the rename said nothing, the delete did
    }

    @Test
    void aRefusedChangeTellsNobody() {
        given().auth().oauth2(Fixtures.user("nora")).contentType(ContentType.JSON)
                .body(Map.of("allow", List.of("nora", "eve")))
                .put("/api/devices/" + device + "/allow").then().statusCode(403);
        given().auth().oauth2(Fixtures.user("nora")).delete("/api/devices/" + device).then().statusCode(403);
        given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + device).then().statusCode(204);
        allForgot(1);
        assertEquals(1,
                notifications.find(deleteRequestedFor(urlPathEqualTo("/api/internal/device-access/" + device))).size());
    }

    /**
     * The change is answered while the stuck switcher still holds the call: its timeout (joystick.device-access.timeout)
     * is logged only after the answer, so the answer did not wait for it.
     */
    @Test
    void aStuckPeerNeverDelaysTheChange() {
        switcher.register(delete(urlPathEqualTo("/api/internal/device-access/" + device))
                .willReturn(aResponse().withStatus(204).withFixedDelay(15_000)));
        notifications.register(delete(urlPathEqualTo("/api/internal/device-access/" + device))
                .willReturn(aResponse().withStatus(503)));
        try (LogCapture logs = LogCapture.everyLevel()) {
            HangGuard.given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                    .body(Map.of("allow", List.of()))
                    .put("/api/devices/" + device + "/allow").then().statusCode(200);
            String switcherGaveUp = "switcher not told to forget the cached allow-list of device " + device;
            assertFalse(logs.contains(switcherGaveUp),
                    "the change waited for the stuck switcher");
            allForgot(1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> logs.contains(switcherGaveUp));
        }
    }
}
