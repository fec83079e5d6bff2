package io.joystick.device.alert.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.joystick.device.HangGuard;
import io.joystick.device.PeerServiceStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A status change reported by a service is sent to the device's users through notification-service, with the API key. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(PeerServiceStubs.class)
class DeviceAlertsTest {

    String device;
    WireMock notifications;

    @BeforeEach
    void device() {
        notifications = PeerServiceStubs.client(PeerServiceStubs.NOTIFICATION_URL); // answers 200 to every send
        device = Fixtures.device(Fixtures.model(), Map.of("host", "10.2.0.1"), "lena");
    }

    private void reportStatus(String status) {
        HangGuard.given().header("X-API-Key", TestKeys.SERVICE_KEY).contentType(ContentType.JSON)
                .body(Map.of("status", status))
                .patch("/api/devices/" + device + "/status").then().statusCode(200).body("status", equalTo(status));
    }

    private RequestPatternBuilder sentFor(String to) {
        return postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(device)))
                .withRequestBody(matchingJsonPath("$.metadata.to", WireMock.equalTo(to)));
    }

    @Test
    void notifiesTheDevicesUsersWhenItsStatusChanges() {
        reportStatus("offline");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notifications.verifyThat(1, sentFor("offline")
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("warning")))
                .withRequestBody(matchingJsonPath("$.title", WireMock.equalTo("Device offline")))
                .withRequestBody(matchingJsonPath("$.metadata.from", WireMock.equalTo("unknown")))));
        reportStatus("offline"); // no change, nothing to say
        reportStatus("online");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notifications.verifyThat(1, sentFor("online")
                .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("info")))
                .withRequestBody(matchingJsonPath("$.metadata.from", WireMock.equalTo("offline")))));
        assertEquals(1, notifications.find(sentFor("offline")).size());
    }

    @Test
    void aStuckNotificationServiceNeverDelaysTheRequest() {
        notifications.register(post(urlPathEqualTo("/api/notifications/send"))
                .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(device)))
                .willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
        reportStatus("unreachable");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notifications.verifyThat(1, sentFor("unreachable")));
    }
}
