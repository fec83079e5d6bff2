package io.joystick.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.LogCapture;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** docs/architecture.md#2-auth-lib: a key is never logged, and a token (in particular one in the query string) never reaches a log. */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class SecretsNotLoggedTest {

    static final String ACCESS_LOG = "io.quarkus.http.access-log";

    private LogCapture captured;

    @BeforeEach
    void captureEveryLogRecord() {
        int port = ConfigProvider.getConfig().getValue("auth-stub.port", Integer.class);
        new WireMock(port).register(get(urlPathEqualTo("/.well-known/jwks.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(TestKeys.jwks(List.of(AuthenticationTest.KID), List.of(AuthenticationTest.KEYS)))));
        captured = LogCapture.start();
    }

    @AfterEach
    void stopCapturing() {
        captured.close();
    }

    @Test
    void neverLogsTokensOrApiKeys() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("query token", token("user-logs-1"));
        secrets.put("bearer token", token("user-logs-2"));
        secrets.put("bare token", token("user-logs-3"));
        secrets.put("query token with a bad signature", TestKeys.sign(TestKeys.claims("user-logs-4", Set.of("admin")),
                AuthenticationTest.KID, AuthenticationTest.OTHER_KEYS));
        secrets.put("bearer token with a bad signature", TestKeys.sign(TestKeys.claims("user-logs-5", Set.of()),
                AuthenticationTest.KID, AuthenticationTest.OTHER_KEYS));
        secrets.put("malformed query token", "not-a-jwt-" + UUID.randomUUID());
        secrets.put("valid API key", AuthenticationTest.FIRST_KEY);
        secrets.put("other valid API key", AuthenticationTest.SECOND_KEY);
        secrets.put("invalid API key", "invalid-api-key-" + UUID.randomUUID());

        // The JWKS may need a refresh first; these requests count among those checked below.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given()
                .header("Authorization", "Bearer " + secrets.get("bearer token"))
                .when().get("/test/me").then().statusCode(200));
        given().queryParam("token", secrets.get("query token")).when().get("/test/me").then().statusCode(200);
        given().header("Authorization", secrets.get("bare token")).when().get("/test/me").then().statusCode(200);
        given().queryParam("token", secrets.get("query token with a bad signature")).when().get("/api/health").then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + secrets.get("bearer token with a bad signature")).when()
                .get("/test/me").then().statusCode(401);
        given().queryParam("token", secrets.get("malformed query token")).when().get("/test/public").then()
                .statusCode(401);
        given().header("X-API-Key", secrets.get("valid API key")).when().get("/api/health").then().statusCode(200);
        given().header("X-API-Key", secrets.get("invalid API key")).when().get("/test/public").then().statusCode(401);
        int requests = 8;

        // The access log line is written after the response: wait until every request has one.
        await().atMost(Duration.ofSeconds(5)).until(() -> captured.from(ACCESS_LOG).size() >= requests);
        List<String> accessLog = captured.from(ACCESS_LOG);
        for (String path : List.of("/test/me", "/api/health", "/test/public")) {
            assertTrue(accessLog.stream().anyMatch(line -> line.contains(path)),
                    "access log names " + path + ": " + accessLog);
        }

        List<String> all = captured.lines().stream().map(LogCapture.Line::toString).toList();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            List<String> fragments = new ArrayList<>(List.of(secret.getValue()));
            String[] parts = secret.getValue().split("\\.");
            if (parts.length == 3) {
                fragments.add(parts[2]); // the signature alone is what makes a token usable
            }
            for (String fragment : fragments) {
                for (String record : all) {
                    assertFalse(record.contains(fragment), "the " + secret.getKey() + " was logged: " + record);
                }
            }
        }
    }

    private static String token(String subject) {
        return TestKeys.sign(TestKeys.claims(subject, Set.of()), AuthenticationTest.KID, AuthenticationTest.KEYS);
    }
}
