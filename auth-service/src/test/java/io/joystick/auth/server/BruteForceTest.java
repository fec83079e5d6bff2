package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Failed-login limits. Client addresses come from X-Forwarded-For here only because this profile trusts
 * the loopback proxy, exactly as a deployment behind Traefik would be configured.
 */
@Tag("database")
@QuarkusTest
@TestProfile(BruteForceTest.TrustedProxy.class)
class BruteForceTest {

    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "joystick.auth.login.max-failures-per-identity-and-address", "3",
                    "joystick.auth.login.max-failures-per-address", "6",
                    "joystick.auth.login.max-failures-per-identity", "10",
                    "joystick.auth.login.window", "10m");
        }
    }

    @Test
    void attackerOnOneAddressIsThrottledWhileOwnerLogsInFromAnother() {
        String email = Api.uniqueEmail("victim");
        Api.createUser(email, "correct horse battery", Set.of());
        for (int i = 0; i < 3; i++) {
            loginFrom("203.0.113.7", email, "guess-" + i).then().statusCode(400);
        }
        loginFrom("203.0.113.7", email, "guess-4").then().statusCode(429)
                .header("Retry-After", notNullValue()).body("code", equalTo(429));
        // Even the right password is refused from the attacker's address while the lockout lasts.
        loginFrom("203.0.113.7", email, "correct horse battery").then().statusCode(429);
        loginFrom("198.51.100.23", email, "correct horse battery").then().statusCode(200);
    }

    @Test
    void retryAfterCoversTheRestOfTheWindow() {
        String email = Api.uniqueEmail("retry");
        Api.createUser(email, "correct horse battery", Set.of());
        for (int i = 0; i < 3; i++) {
            loginFrom("203.0.113.8", email, "guess-" + i);
        }
        int retryAfter = Integer.parseInt(loginFrom("203.0.113.8", email, "x").then().statusCode(429)
                .extract().header("Retry-After"));
        assertTrue(retryAfter > 500 && retryAfter <= 600, "Retry-After was " + retryAfter);
    }

    @Test
    void oneAddressSprayingManyIdentitiesIsThrottled() {
        for (int i = 0; i < 6; i++) {
            loginFrom("203.0.113.9", Api.uniqueEmail("spray"), "guess").then().statusCode(400);
        }
        loginFrom("203.0.113.9", Api.uniqueEmail("spray"), "guess").then().statusCode(429);
        loginFrom("203.0.113.10", Api.uniqueEmail("spray"), "guess").then().statusCode(400);
    }

    @Test
    void manyAddressesGuessingOneIdentityAreThrottled() {
        String email = Api.uniqueEmail("distributed");
        Api.createUser(email, "correct horse battery", Set.of());
        for (int i = 0; i < 10; i++) {
            loginFrom("192.0.2." + (10 + i), email, "guess").then().statusCode(400);
        }
        loginFrom("192.0.2.99", email, "guess").then().statusCode(429);
    }

    @Test
    void lockoutsAreAudited() {
        String email = Api.uniqueEmail("audited");
        Api.createUser(email, "correct horse battery", Set.of());
        for (int i = 0; i < 4; i++) {
            loginFrom("203.0.113.11", email, "guess");
        }
        String admin = loginFrom("127.0.0.1", Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD).then().statusCode(200)
                .extract().path("token");
        given().auth().oauth2(admin).queryParam("perPage", 50).when().get("/api/admin/audit").then().statusCode(200)
                .body("findAll { it.event == 'LOGIN_LOCKED_OUT' && it.subject == '" + email + "' }.size()",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("findAll { it.event == 'LOGIN_FAILED' && it.clientAddress == '203.0.113.11' }.size()",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(3));
    }

    @Test
    void guessingTheCurrentPasswordOnAPasswordChangeIsThrottledAndAudited() {
        String email = Api.uniqueEmail("stolen-token");
        String id = Api.createUser(email, "correct horse battery", Set.of());
        String token = Api.token(email, "correct horse battery");
        for (int i = 0; i < 3; i++) {
            changePasswordFrom("203.0.113.12", token, "guess-" + i).then().statusCode(400)
                    .body("success", equalTo(false));
        }
        changePasswordFrom("203.0.113.12", token, "guess-4").then().statusCode(429)
                .header("Retry-After", notNullValue()).body("success", equalTo(false));
        changePasswordFrom("203.0.113.12", token, "correct horse battery").then().statusCode(429);

        String admin = loginFrom("127.0.0.1", Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD).then().statusCode(200)
                .extract().path("token");
        given().auth().oauth2(admin).queryParam("perPage", 100).when().get("/api/admin/audit").then().statusCode(200)
                .body("findAll { it.event == 'PASSWORD_CHANGE_FAILED' && it.subject == '" + id + "' }.size()",
                        equalTo(3))
                .body("findAll { it.event == 'LOGIN_LOCKED_OUT' && it.subject == '" + id + "' }.size()",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        changePasswordFrom("198.51.100.24", token, "correct horse battery").then().statusCode(200);
    }

    private static Response changePasswordFrom(String address, String token, String currentPassword) {
        return given().header("X-Forwarded-For", address).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("oldPassword", currentPassword, "password", "staple battery horse"))
                .when().post("/api/auth/password");
    }

    private static Response loginFrom(String address, String identity, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("identity", identity, "password", password))
                .when().post("/api/collections/users/auth-with-password");
    }
}
