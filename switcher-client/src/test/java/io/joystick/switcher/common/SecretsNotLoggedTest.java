package io.joystick.switcher.common;

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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.switcher.Dependencies;
import io.joystick.switcher.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Failures of every dependency are logged and answered without the API key or MediaMTX credentials. */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class SecretsNotLoggedTest {

    static final class Capture extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Logger root = Logger.getLogger("");

        Capture() {
            setLevel(Level.ALL);
            root.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            root.removeHandler(this);
        }
    }

    @Test
    void dependencyFailuresNeverShowCredentials() {
        String basic = Base64.getEncoder().encodeToString(
                (Dependencies.MEDIAMTX_USER + ":" + Dependencies.MEDIAMTX_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Capture capture = new Capture()) {
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
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertTrue(
                    capture.lines.stream().anyMatch(l -> l.contains("not sent")), "the lost notification was logged"));
            for (String text : concat(capture.lines, List.of(body, body2))) {
                assertFalse(text.contains(Dependencies.MEDIAMTX_PASSWORD), text);
                assertFalse(text.contains(basic), text);
                assertFalse(text.contains(Stubs.SERVICE_KEY), text);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
