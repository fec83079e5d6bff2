package io.joystick.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.joystick.auth.revocation.RevocationPoller;
import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On an edge device without network: the JWKS comes from a file, auth-service is unreachable and the
 * revocation poll keeps failing, yet valid tokens work and invalid ones are still refused.
 */
@QuarkusTest
@QuarkusTestResource(OfflineJwksAuth.class)
class OfflineAuthTest {

    @Inject
    RevocationPoller poller;

    @Test
    void acceptsAValidTokenWithoutAuthService() {
        String token = JwksFileAuth.token("edge-user", "device-gps");
        await().atMost(Duration.ofSeconds(30)).until(poller::failing); // auth-service really is out of reach
        given().auth().oauth2(token).get("/api/health").then().statusCode(200).body("principal", notNullValue());
        given().auth().oauth2(token).get("/api/gps").then().statusCode(200);
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        KeyPair other = TestKeys.generate();
        String forged = TestKeys.sign(TestKeys.claims("edge-user", Set.of("admin")), JwksFileAuth.KID, other);
        given().auth().oauth2(forged).get("/api/gps").then().statusCode(401).body("error",
                equalTo("Authentication required"));
    }

    @Test
    void refusesAnExpiredToken() {
        long past = System.currentTimeMillis() / 1000 - 3600;
        JwksFileAuth.token("edge-user"); // the resource has written its key
        String token =
                TestKeys.sign(TestKeys.claims("edge-user", Set.of("device-gps")).issuedAt(past - 600).expiresAt(past),
                        JwksFileAuth.KID, signingKey());
        given().auth().oauth2(token).get("/api/gps").then().statusCode(401);
    }

    @Test
    void refusesATamperedToken() {
        String token = JwksFileAuth.token("edge-user", "device-gps");
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("device-gps", "admin");
        String tampered =
                parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                        + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/gps").then().statusCode(401);
    }

    @Test
    void refusesAWrongApiKey() {
        given().header("X-API-Key", "wrong-key-0123456789").get("/api/gps").then().statusCode(401);
    }

    /** The key JwksFileAuth signs with (it shares it through this file). */
    private static java.security.PrivateKey signingKey() {
        try {
            byte[] der = java.util.Base64.getDecoder().decode(java.nio.file.Files.readString(
                    java.nio.file.Path.of("target", "test-auth", "signing.key")));
            return java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
