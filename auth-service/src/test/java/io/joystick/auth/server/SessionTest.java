package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Refresh, JWKS, logout, logout-all, and the revocations that password and permission changes cause. */
@Tag("database")
@QuarkusTest
class SessionTest {

    @TestHTTPResource("/.well-known/jwks.json")
    String jwksUrl;

    @Test
    void jwksVerifiesIssuedTokensWithAnIndependentVerifier() throws Exception {
        String email = Api.uniqueEmail("jwks");
        String id = Api.createUser(email, "correct horse battery", Set.of("device-gps"));
        String token = Api.token(email, "correct horse battery");

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwksUrl)))
                .setExpectedIssuer("joystick-auth")
                .setExpectedAudience("joystick")
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals(id, claims.getSubject());
        assertEquals(List.of("device-gps"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void jwksPublishesOnlyPublicRsaKeys() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].kid", notNullValue())
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("d")))
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("p")));
    }

    @Test
    void refreshesWithBareTokenAsThePocketBaseSdkSends() {
        String email = Api.uniqueEmail("refresh");
        String id = Api.createUser(email, "correct horse battery", Set.of());
        String token = Api.token(email, "correct horse battery");
        String refreshed = given().header("Authorization", token).when().post("/api/collections/users/auth-refresh")
                .then().statusCode(200).body("record.id", equalTo(id)).body("record.collectionName", equalTo("users"))
                .extract().path("token");
        assertNotEquals(token, refreshed);
        given().auth().oauth2(refreshed).when().get("/api/auth/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void refuseRefreshWithoutValidTokenInPocketBaseShape() {
        given().when().post("/api/collections/users/auth-refresh").then().statusCode(401).body("code", equalTo(401));
        given().header("Authorization", "a.b.c").when().post("/api/collections/users/auth-refresh").then()
                .statusCode(401).body("code", equalTo(401)).body("message", notNullValue());
        given().header("X-API-Key", TestKeys.SERVICE_KEY).when().post("/api/collections/users/auth-refresh").then()
                .statusCode(401);
    }

    @Test
    void meReturnsTheCallerAndTheirPermissions() {
        String email = Api.uniqueEmail("me");
        String id = Api.createUser(email, "correct horse battery", Set.of("device-imu", "notifications"));
        given().auth().oauth2(Api.token(email, "correct horse battery")).when().get("/api/auth/me").then()
                .statusCode(200).body("id", equalTo(id)).body("email", equalTo(email))
                .body("permissions", equalTo(List.of("device-imu", "notifications"))).body("admin", equalTo(false));
        given().header("X-API-Key", TestKeys.SERVICE_KEY).when().get("/api/auth/me").then().statusCode(200)
                .body("service", equalTo(true)).body("principal", equalTo("service:default"));
        given().when().get("/api/auth/me").then().statusCode(401).body("error", equalTo("Authentication required"));
    }

    @Test
    void logoutRevokesOnlyThatToken() {
        String email = Api.uniqueEmail("logout");
        Api.createUser(email, "correct horse battery", Set.of());
        String first = Api.token(email, "correct horse battery");
        String second = Api.token(email, "correct horse battery");
        given().auth().oauth2(first).when().post("/api/auth/logout").then().statusCode(200).body("success",
                equalTo(true));
        given().auth().oauth2(first).when().get("/api/auth/me").then().statusCode(401);
        given().auth().oauth2(second).when().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void logoutAllRevokesEveryTokenButNotTheNextLogin() {
        String email = Api.uniqueEmail("logout-all");
        String id = Api.createUser(email, "correct horse battery", Set.of());
        String first = Api.token(email, "correct horse battery");
        String second = Api.token(email, "correct horse battery");
        given().auth().oauth2(first).when().post("/api/auth/logout-all").then().statusCode(200);
        given().auth().oauth2(first).when().get("/api/auth/me").then().statusCode(401);
        given().auth().oauth2(second).when().get("/api/auth/me").then().statusCode(401);
        // In the same second as the revocation: the new token must still work.
        String fresh = Api.token(email, "correct horse battery");
        given().auth().oauth2(fresh).when().get("/api/auth/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void passwordChangeRevokesTokensAndTheNewPasswordWorks() {
        String email = Api.uniqueEmail("password");
        Api.createUser(email, "correct horse battery", Set.of());
        String token = Api.token(email, "correct horse battery");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("oldPassword", "wrong one", "password", "staple battery horse"))
                .when().post("/api/auth/password").then().statusCode(400).body("success", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("oldPassword", "correct horse battery", "password", "staple battery horse"))
                .when().post("/api/auth/password").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(401);
        Api.login(email, "correct horse battery").then().statusCode(400);
        String fresh = Api.token(email, "staple battery horse");
        given().auth().oauth2(fresh).when().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void permissionChangeRevokesTokensSoNewOnesCarryTheChange() {
        String email = Api.uniqueEmail("perm-change");
        String id = Api.createUser(email, "correct horse battery", Set.of("device-gps"));
        String token = Api.token(email, "correct horse battery");
        given().auth().oauth2(Api.adminToken()).when().put("/api/admin/permissions/device-imu/users/" + id).then()
                .statusCode(200).body("permissions", hasItem("device-imu"));
        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(401);
        given().auth().oauth2(Api.token(email, "correct horse battery")).when().get("/api/auth/me").then()
                .statusCode(200).body("permissions", equalTo(List.of("device-gps", "device-imu")));
    }

    @Test
    void revocationFeedListsRevocationsForServicesOnly() {
        String email = Api.uniqueEmail("feed");
        String id = Api.createUser(email, "correct horse battery", Set.of());
        String token = Api.token(email, "correct horse battery");
        long since = System.currentTimeMillis();
        given().auth().oauth2(token).when().post("/api/auth/logout-all").then().statusCode(200);

        given().header("X-API-Key", TestKeys.SERVICE_KEY).queryParam("since", since).when().get("/api/auth/revocations")
                .then().statusCode(200).body("users.userId", hasItem(id)).body("cursor", notNullValue());
        given().auth().oauth2(Api.token(email, "correct horse battery")).when().get("/api/auth/revocations").then()
                .statusCode(403).body("success", equalTo(false));
        given().when().get("/api/auth/revocations").then().statusCode(401);
    }
}
