package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
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
 * The session login as production runs it: behind a trusted proxy, with the cookie always Secure. It shares
 * the PocketBase login's throttle and audit.
 */
@Tag("database")
@QuarkusTest
@TestProfile(BrowserSessionBehindProxyTest.Production.class)
class BrowserSessionBehindProxyTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "joystick.auth.session.always-secure", "true",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "joystick.auth.login.max-failures-per-identity-and-address", "3",
                    "joystick.auth.login.window", "10m");
        }
    }

    static final String PASSWORD = "correct horse battery";

    @Test
    void cookieIsAlwaysSecureWhenConfigured() {
        String email = Api.uniqueEmail("always-secure");
        Api.createUser(email, PASSWORD, Set.of());
        SetCookie cookie = SetCookie.session(loginFrom("198.51.100.40", email, PASSWORD).then().statusCode(200)
                .extract().headers());
        assertTrue(cookie.has("Secure"));
    }

    @Test
    void failuresAreThrottledAndAuditedLikeThePocketBaseLogin() {
        String email = Api.uniqueEmail("session-guess");
        Api.createUser(email, PASSWORD, Set.of());
        for (int i = 0; i < 2; i++) {
            loginFrom("203.0.113.40", email, "guess-" + i).then().statusCode(400)
                    .body("success", equalTo(false)).body("error", equalTo("Failed to authenticate."));
        }
        // Both logins count against one budget.
        given().header("X-Forwarded-For", "203.0.113.40").contentType(ContentType.JSON)
                .body(Map.of("identity", email, "password", "guess-2")).when()
                .post("/api/collections/users/auth-with-password").then().statusCode(400);
        loginFrom("203.0.113.40", email, PASSWORD).then().statusCode(429).header("Retry-After", notNullValue())
                .body("success", equalTo(false)).body("error", equalTo("Too many failed attempts, try again later."));
        loginFrom("198.51.100.41", email, PASSWORD).then().statusCode(200);

        String admin = Api.adminToken();
        given().auth().oauth2(admin).queryParam("perPage", 100).when().get("/api/admin/audit").then().statusCode(200)
                .body("findAll { it.event == 'LOGIN_FAILED' && it.clientAddress == '203.0.113.40' }.size()",
                        greaterThanOrEqualTo(3))
                .body("findAll { it.event == 'LOGIN_LOCKED_OUT' && it.subject == '" + email + "' }.size()",
                        greaterThanOrEqualTo(1))
                .body("findAll { it.event == 'LOGIN_SUCCEEDED' && it.clientAddress == '198.51.100.41' }.size()",
                        equalTo(1));
    }

    private static Response loginFrom(String address, String identity, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("identity", identity, "password", password)).when().post("/api/auth/session");
    }
}
