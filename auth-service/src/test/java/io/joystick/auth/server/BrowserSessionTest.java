package io.joystick.auth.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Headers;
import io.restassured.response.Response;

/** The browser console's session: the token only ever in an HttpOnly cookie, and the cookie only from our origin. */
@Tag("database")
@QuarkusTest
class BrowserSessionTest {

    static final String COOKIE = "joystick_session";
    static final String CONSOLE = "http://localhost:8088";
    static final String ELSEWHERE = "https://attacker.example";
    static final String PASSWORD = "correct horse battery";

    @Test
    void loginSetsAnHttpOnlyStrictCookieForTheTokensLifetime() {
        String email = Api.uniqueEmail("session");
        Api.createUser(email, PASSWORD, Set.of());
        SetCookie cookie = SetCookie.session(sessionLogin(email, PASSWORD).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().headers());

        assertEquals(COOKIE, cookie.name());
        assertEquals(3, cookie.value().split("\\.").length, "a signed JWT");
        assertTrue(cookie.has("HttpOnly"));
        assertEquals("strict", cookie.sameSite());
        assertEquals("/", cookie.get("Path"));
        assertEquals(String.valueOf(24 * 3600), cookie.get("Max-Age"));
        assertFalse(cookie.has("Secure"), "plain HTTP without a proxy saying otherwise");
    }

    @Test
    void answersTheUserRecordAndNeverTheToken() {
        String email = Api.uniqueEmail("no-token");
        String id = Api.createUser(email, PASSWORD, Set.of("device-gps"));
        Response response = sessionLogin(email, PASSWORD);
        String token = SetCookie.session(response.headers()).value();
        response.then().statusCode(200).body("id", equalTo(id)).body("email", equalTo(email))
                .body("permissions[0]", equalTo("device-gps")).body("$", not(hasKey("token")));
        assertFalse(response.asString().contains(token));
    }

    @Test
    void loginAlsoRemembersTheDeviceLikeThePocketBaseLogin() {
        String email = Api.uniqueEmail("session-device");
        Api.createUser(email, PASSWORD, Set.of());
        assertTrue(sessionLogin(email, PASSWORD).then().statusCode(200).extract().headers().getValues("Set-Cookie")
                .stream().anyMatch(cookie -> cookie.startsWith("joystick_device=")));
    }

    @Test
    void cookieIsSecureWhenTheProxySaysTheRequestWasHttps() {
        String email = Api.uniqueEmail("https");
        Api.createUser(email, PASSWORD, Set.of());
        SetCookie cookie = SetCookie.session(given().header("X-Forwarded-Proto", "https").contentType(ContentType.JSON)
                .body(Map.of("identity", email, "password", PASSWORD)).when().post("/api/auth/session")
                .then().statusCode(200).extract().headers());
        assertTrue(cookie.has("Secure"));
    }

    @Test
    void theCookieAuthenticatesTheCurrentUser() {
        String email = Api.uniqueEmail("me-cookie");
        String id = Api.createUser(email, PASSWORD, Set.of());
        given().cookie(COOKIE, sessionToken(email)).when().get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void refreshRenewsTheCookieWithANewToken() {
        String email = Api.uniqueEmail("refresh-cookie");
        String id = Api.createUser(email, PASSWORD, Set.of());
        String first = sessionToken(email);
        Response refreshed = given().cookie(COOKIE, first).header("Origin", CONSOLE).when()
                .post("/api/auth/session/refresh");
        refreshed.then().statusCode(200).body("id", equalTo(id)).body("$", not(hasKey("token")));
        SetCookie cookie = SetCookie.session(refreshed.headers());
        assertNotEquals(first, cookie.value());
        assertTrue(cookie.has("HttpOnly"));
        assertEquals(String.valueOf(24 * 3600), cookie.get("Max-Age"));
        given().cookie(COOKIE, cookie.value()).when().get("/api/auth/me").then().statusCode(200).body("id",
                equalTo(id));
    }

    @Test
    void refreshWithoutAValidSessionIsRefused() {
        given().header("Origin", CONSOLE).when().post("/api/auth/session/refresh").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
        given().cookie(COOKIE, "a.b.c").header("Origin", CONSOLE).when().post("/api/auth/session/refresh").then()
                .statusCode(401);
    }

    @Test
    void logoutRevokesTheTokenAndClearsTheCookie() {
        String email = Api.uniqueEmail("logout-cookie");
        Api.createUser(email, PASSWORD, Set.of());
        String token = sessionToken(email);
        String other = sessionToken(email);
        SetCookie cleared = SetCookie.session(given().cookie(COOKIE, token).header("Origin", CONSOLE).when()
                .delete("/api/auth/session").then().statusCode(200).body("success", equalTo(true))
                .extract().headers());
        assertEquals(COOKIE, cleared.name());
        assertEquals("", cleared.value());
        assertEquals("0", cleared.get("Max-Age"));
        assertEquals("/", cleared.get("Path"));

        given().cookie(COOKIE, token).when().get("/api/auth/me").then().statusCode(401);
        given().cookie(COOKIE, other).when().get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void logoutWithAStaleCookieStillClearsIt() {
        String email = Api.uniqueEmail("stale-logout");
        Api.createUser(email, PASSWORD, Set.of());
        String token = sessionToken(email);
        given().cookie(COOKIE, token).header("Origin", CONSOLE).when().delete("/api/auth/session").then()
                .statusCode(200);
        Headers headers = given().cookie(COOKIE, token).header("Origin", CONSOLE).when().delete("/api/auth/session")
                .then().statusCode(200).extract().headers();
        assertEquals("0", SetCookie.session(headers).get("Max-Age"));
    }

    @Test
    void aStaleCookieDoesNotBlockTheNextLogin() {
        String email = Api.uniqueEmail("stale-login");
        Api.createUser(email, PASSWORD, Set.of());
        String token = sessionToken(email);
        given().cookie(COOKIE, token).header("Origin", CONSOLE).when().delete("/api/auth/session").then()
                .statusCode(200);
        given().cookie(COOKIE, token).header("Origin", CONSOLE).contentType(ContentType.JSON)
                .body(Map.of("identity", email, "password", PASSWORD)).when().post("/api/auth/session")
                .then().statusCode(200);
    }

    @Test
    void refusesCrossOriginRequestsCarryingTheCookie() {
        String email = Api.uniqueEmail("csrf");
        String id = Api.createUser(email, PASSWORD, Set.of());
        String token = sessionToken(email);
        given().cookie(COOKIE, token).header("Origin", ELSEWHERE).when().delete("/api/auth/session").then()
                .statusCode(403).body("success", equalTo(false)).body("error", equalTo("Cross-origin request refused"));
        given().cookie(COOKIE, token).header("Origin", ELSEWHERE).when().post("/api/auth/logout-all").then()
                .statusCode(403);
        given().cookie(COOKIE, token).header("Origin", ELSEWHERE).contentType(ContentType.JSON)
                .body(Map.of("oldPassword", PASSWORD, "password", "attacker chosen password")).when()
                .post("/api/auth/password").then().statusCode(403);
        // None of it happened: the session still holds, and reading needs no origin.
        given().cookie(COOKIE, token).header("Origin", ELSEWHERE).when().get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void acceptsSameOriginRequestsCarryingTheCookie() {
        String email = Api.uniqueEmail("same-origin");
        Api.createUser(email, PASSWORD, Set.of());
        String token = sessionToken(email);
        given().cookie(COOKIE, token).header("Sec-Fetch-Site", "same-origin").when()
                .post("/api/auth/session/refresh").then().statusCode(200);
        given().cookie(COOKIE, token).header("Origin", CONSOLE).when().post("/api/auth/logout").then().statusCode(200);
    }

    @Test
    void headerCredentialsAreUnaffectedByTheOrigin() {
        String email = Api.uniqueEmail("header-origin");
        Api.createUser(email, PASSWORD, Set.of());
        String token = Api.token(email, PASSWORD);
        given().auth().oauth2(token).header("Origin", ELSEWHERE).when().post("/api/auth/logout").then()
                .statusCode(200);
        given().header("X-API-Key", TestKeys.SERVICE_KEY).header("Origin", ELSEWHERE).when()
                .delete("/api/auth/session").then().statusCode(200);
    }

    @Test
    void refusesALoginFromAnotherOrigin() {
        String email = Api.uniqueEmail("login-csrf");
        Api.createUser(email, PASSWORD, Set.of());
        Response refused = given().header("Origin", ELSEWHERE).contentType(ContentType.JSON)
                .body(Map.of("identity", email, "password", PASSWORD)).when().post("/api/auth/session");
        refused.then().statusCode(403).body("error", equalTo("Cross-origin request refused"));
        assertEquals(null, refused.header("Set-Cookie"));
        // A client that is not a browser sends no Origin and logs in as before.
        given().contentType(ContentType.JSON).body(Map.of("identity", email, "password", PASSWORD)).when()
                .post("/api/auth/session").then().statusCode(200);
    }

    @Test
    void rejectsAMissingOrMalformedIdentityWithTheProblemsListed() {
        given().contentType(ContentType.JSON).body(Map.of("password", PASSWORD)).when().post("/api/auth/session")
                .then().statusCode(400).body("success", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("identity", "not-an-email", "password", PASSWORD)).when()
                .post("/api/auth/session").then().statusCode(400).body("success", equalTo(false));
        given().contentType(ContentType.JSON).body("{not json").when().post("/api/auth/session").then()
                .statusCode(400).body("success", equalTo(false));
    }

    static Response sessionLogin(String email, String password) {
        return given().header("Origin", CONSOLE).contentType(ContentType.JSON)
                .body(Map.of("identity", email, "password", password)).when().post("/api/auth/session");
    }

    static String sessionToken(String email) {
        return SetCookie.session(sessionLogin(email, PASSWORD).then().statusCode(200).extract().headers())
                .value();
    }
}
