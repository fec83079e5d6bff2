package io.joystick.switcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.LogCapture;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Failures of every dependency are logged and answered without the API key or MediaMTX credentials. */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class SecretsNotLoggedTest {

    @Test
    void dependencyFailuresNeverShowCredentials() {
        String basic = Base64.getEncoder().encodeToString(
                (Dependencies.MEDIAMTX_USER + ":" + Dependencies.MEDIAMTX_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (LogCapture capture = LogCapture.start()) {
            String device = Stubs.monitoredDevice("live", List.of());
            // MediaMTX refuses the credentials while the stream is repointed; the notification fails too
            Stubs.mediaMtx().register(com.github.tomakehurst.wiremock.client.WireMock
                    .patch(urlPathEqualTo("/v3/config/paths/patch/" + device)).willReturn(aResponse().withStatus(401)));
            Stubs.notifications().register(post(urlPathEqualTo("/api/notifications/send"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.deviceId",
                            com.github.tomakehurst.wiremock.client.WireMock.equalTo(device)))
                    .willReturn(aResponse().withStatus(500)));
            String body = given().auth().oauth2(Stubs.admin()).post("/api/slot/" + device + "/secondary").then()
                    .statusCode(502)
                    .body("error", equalTo("Slot switched to secondary, but the stream was not repointed: "
                            + "MediaMTX refused (401): authentication failed (check JOYSTICK_MEDIAMTX_USER/PASSWORD)"))
                    .extract().asString();
            // device-service refuses the switcher's key
            String refused = Stubs.unique("refused");
            Stubs.deviceService().register(get(urlPathEqualTo("/api/devices/" + refused + "/allow")).willReturn(
                    aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody("{\"success\":false,\"error\":\"Authentication required\"}")));
            String body2 = given().auth().oauth2(Stubs.admin()).get("/api/health/" + refused).then().statusCode(502)
                    .body("error", equalTo("device-service refused the switcher's API key (401)")).extract().asString();

            // sent in the background: logged once its retries are spent
            await().atMost(Duration.ofSeconds(15)).untilAsserted(
                    () -> assertTrue(capture.contains("not sent"), "the lost notification was logged"));
            List<String> texts = new ArrayList<>(List.of(body, body2));
            capture.lines().forEach(line -> texts.add(line.text()));
            for (String text : texts) {
                assertFalse(text.contains(Dependencies.MEDIAMTX_PASSWORD), text);
                assertFalse(text.contains(basic), text);
                assertFalse(text.contains(TestKeys.SERVICE_KEY), text);
            }
        }
    }
}
