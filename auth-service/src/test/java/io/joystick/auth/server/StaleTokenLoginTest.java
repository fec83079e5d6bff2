package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.server.token.service.SigningKeyService;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The PocketBase SDK keeps sending its stored token, also when it logs in again after that token died. */
@Tag("database")
@QuarkusTest
class StaleTokenLoginTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    SigningKeyService signingKeys;

    @Test
    void loginIgnoresAnExpiredTokenInTheAuthorizationHeader() {
        String email = Api.uniqueEmail("expired");
        String id = Api.createUser(email, PASSWORD, Set.of());
        String expired = expiredToken(id, email);

        for (String authorization : new String[] {expired, "Bearer " + expired}) {
            loginHolding(authorization, email).then().statusCode(200)
                    .body("record.id", equalTo(id)).body("token", not(equalTo(expired)));
        }
        given().header("Authorization", expired).when().get("/api/auth/me").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
    }

    @Test
    void loginIgnoresARevokedTokenInTheAuthorizationHeader() {
        String email = Api.uniqueEmail("revoked");
        String id = Api.createUser(email, PASSWORD, Set.of());
        String revoked = Api.token(email, PASSWORD);
        given().auth().oauth2(revoked).when().post("/api/auth/logout").then().statusCode(200);

        String fresh = loginHolding(revoked, email).then().statusCode(200).body("record.id", equalTo(id))
                .extract().path("token");
        given().auth().oauth2(fresh).when().get("/api/auth/me").then().statusCode(200);
        given().header("Authorization", revoked).when().get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void refreshStillRefusesAStaleToken() {
        String email = Api.uniqueEmail("stale-refresh");
        String id = Api.createUser(email, PASSWORD, Set.of());
        given().header("Authorization", expiredToken(id, email)).when().post("/api/collections/users/auth-refresh")
                .then().statusCode(401).body("code", equalTo(401)).body("message", notNullValue());
    }

    @Test
    void loginWithAStaleTokenStillNeedsTheRightPassword() {
        String email = Api.uniqueEmail("stale-wrong");
        String id = Api.createUser(email, PASSWORD, Set.of());
        given().header("Authorization", expiredToken(id, email)).contentType(ContentType.JSON)
                .body(Map.of("identity", email, "password", "incorrect horse"))
                .when().post("/api/collections/users/auth-with-password")
                .then().statusCode(400).body("message", equalTo("Failed to authenticate."));
    }

    private static Response loginHolding(String authorization, String email) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Map.of("identity", email, "password", PASSWORD))
                .when().post("/api/collections/users/auth-with-password");
    }

    /** Signed by the service's own key, so only its age makes it invalid. */
    private String expiredToken(String userId, String email) {
        long twoHoursAgo = Instant.now().getEpochSecond() - 7200;
        return TestKeys.sign(TestKeys.claims(userId, Set.of()).upn(email)
                .issuedAt(twoHoursAgo).expiresAt(twoHoursAgo + 3600).claim("jti", "expired-" + userId),
                signingKeys.signingKid(), signingKeys.signingKey());
    }
}
