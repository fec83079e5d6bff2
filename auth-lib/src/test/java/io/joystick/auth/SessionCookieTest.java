package io.joystick.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.security.KeyPair;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The browser session cookie as a credential, and the same-origin rule that comes with it. */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class SessionCookieTest {

    static final String COOKIE = "joystick_session";
    static final String CONSOLE = "http://localhost:8088";
    static final String ELSEWHERE = "https://attacker.example";
    static final String KID = "session-key";
    static final KeyPair KEYS = TestKeys.generate();
    static final String API_KEY = "first-rotation-key-0123456789";

    static WireMock authService;

    @BeforeAll
    static void connectStub() {
        authService = new WireMock(ConfigProvider.getConfig().getValue("auth-stub.port", Integer.class));
    }

    @BeforeEach
    void publishKeys() {
        authService.register(get(urlPathEqualTo("/.well-known/jwks.json")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(TestKeys.jwks(List.of(KID), List.of(KEYS)))));
    }

    static String token(String subject) {
        return TestKeys.sign(TestKeys.claims(subject, Set.of("device-gps")), KID, KEYS);
    }

    @Test
    void acceptsTheSessionCookieAsATokenCredential() {
        given().cookie(COOKIE, token("cookie-user")).when().get("/test/me").then().statusCode(200)
                .body("id", equalTo("cookie-user"));
        given().cookie(COOKIE, token("cookie-user")).when().get("/test/gps").then().statusCode(200);
    }

    @Test
    void rejectsAnInvalidCookieLikeAnyInvalidCredential() {
        given().cookie(COOKIE, "not.a.jwt").when().get("/test/public").then().statusCode(401)
                .body("error", equalTo("Authentication required"));
    }

    @Test
    void headerCredentialsComeBeforeTheCookie() {
        given().header("X-API-Key", API_KEY).cookie(COOKIE, "stale.cookie.value").when().get("/test/me").then()
                .statusCode(200).body("name", equalTo("service:primary"));
        given().auth().oauth2(token("header-user")).cookie(COOKIE, token("cookie-user")).when().get("/test/me")
                .then().statusCode(200).body("id", equalTo("header-user"));
        given().cookie(COOKIE, token("cookie-user")).queryParam("token", token("query-user")).when().get("/test/me")
                .then().statusCode(200).body("id", equalTo("cookie-user"));
    }

    @Test
    void refusesACrossOriginPostOrDeleteWithTheCookie() {
        given().cookie(COOKIE, token("victim")).header("Origin", ELSEWHERE).when().post("/test/state").then()
                .statusCode(403).body("success", is(false)).body("error", equalTo("Cross-origin request refused"));
        given().cookie(COOKIE, token("victim")).header("Origin", ELSEWHERE).when().delete("/test/state").then()
                .statusCode(403);
        given().cookie(COOKIE, token("victim")).header("Sec-Fetch-Site", "cross-site").when().post("/test/state")
                .then().statusCode(403);
        // Also on a public endpoint: what matters is that the browser sent the cookie on its own.
        given().cookie(COOKIE, token("victim")).header("Origin", ELSEWHERE).contentType("application/json")
                .body("{}").when().post("/test/echo").then().statusCode(403);
    }

    @Test
    void refusesAnUnsafeCookieRequestThatProvesNoOrigin() {
        given().cookie(COOKIE, token("victim")).when().post("/test/state").then().statusCode(403);
    }

    @Test
    void acceptsAnUnsafeCookieRequestFromThePublicOrigin() {
        given().cookie(COOKIE, token("operator")).header("Origin", CONSOLE).when().post("/test/state").then()
                .statusCode(200).body("caller", equalTo("operator"));
        given().cookie(COOKIE, token("operator")).header("Origin", "http://127.0.0.1:8088").when()
                .delete("/test/state").then().statusCode(200);
        given().cookie(COOKIE, token("operator")).header("Sec-Fetch-Site", "same-origin").when().post("/test/state")
                .then().statusCode(200);
    }

    @Test
    void safeMethodsWithTheCookieNeedNoOrigin() {
        given().cookie(COOKIE, token("reader")).header("Origin", ELSEWHERE).when().get("/test/me").then()
                .statusCode(200);
    }

    @Test
    void refusesACrossOriginWebSocketUpgradeWithTheCookie() {
        given().cookie(COOKIE, token("victim")).header("Origin", ELSEWHERE).header("Connection", "Upgrade")
                .header("Upgrade", "websocket").when().get("/test/me").then().statusCode(403)
                .body("error", equalTo("Cross-origin request refused"));
    }

    @Test
    void headerCredentialsAreNotAskedForAnOrigin() {
        given().auth().oauth2(token("script")).header("Origin", ELSEWHERE).when().post("/test/state").then()
                .statusCode(200).body("caller", equalTo("script"));
        given().header("X-API-Key", API_KEY).header("Origin", ELSEWHERE).when().delete("/test/state").then()
                .statusCode(200).body("caller", equalTo("service:primary"));
        given().queryParam("token", token("socket")).header("Origin", ELSEWHERE).when().post("/test/state").then()
                .statusCode(200).body("caller", equalTo("socket"));
    }
}
