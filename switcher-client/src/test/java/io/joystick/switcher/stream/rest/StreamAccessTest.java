package io.joystick.switcher.stream.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.switcher.Dependencies;
import io.joystick.switcher.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Traefik's forwardAuth for {@code /stream/}: every way of presenting (or not) a credential, the
 * {@code media-route} permission, the allow-list of the device that owns the path, and the path → device mapping.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class StreamAccessTest {

    static final String ENDPOINT = "/internal/stream-access";
    static final String YARD_HLS = "/stream/stream-yard/index.m3u8";
    static final String ROOF_WHEP = "/stream/roof/whep";

    @BeforeEach
    void allowLists() {
        Stubs.allow("stream-yard", List.of("vera"));
        Stubs.allow("stream-roof", List.of("vera", "ivan"));
    }

    static RequestSpecification asking(String uri) {
        return given().header("X-Forwarded-Uri", uri).header("X-Forwarded-Method", "GET");
    }

    @Test
    void noCredentialIsUnauthorized() {
        asking(YARD_HLS).get(ENDPOINT).then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aBadTokenOrCookieIsUnauthorized() {
        asking(YARD_HLS).auth().oauth2("not.a.jwt").get(ENDPOINT).then().statusCode(401);
        asking(YARD_HLS).cookie("joystick_session", "not.a.jwt").get(ENDPOINT).then().statusCode(401);
        asking(YARD_HLS).header("X-API-Key", "not-a-key").get(ENDPOINT).then().statusCode(401);
    }

    @Test
    void theSessionCookieOfAnAllowedUserOpensTheStream() {
        asking(YARD_HLS).cookie("joystick_session", Stubs.user("vera", "media-route")).get(ENDPOINT).then()
                .statusCode(200).header("X-Joystick-Device", "stream-yard");
        asking("/stream/stream-yard/segment_7.mp4?_HLS_msn=3")
                .cookie("joystick_session", Stubs.user("vera", "media-route"))
                .get(ENDPOINT).then().statusCode(200);
    }

    @Test
    void aBearerTokenOfAnAllowedUserOpensHlsAndWebRtc() {
        String token = Stubs.user("ivan", "media-route");
        asking("/stream/roof/index.m3u8").auth().oauth2(token).get(ENDPOINT).then().statusCode(200)
                .header("X-Joystick-Device", "stream-roof");
        given().header("X-Forwarded-Uri", ROOF_WHEP).header("X-Forwarded-Method", "POST").auth().oauth2(token)
                .get(ENDPOINT).then().statusCode(200);
    }

    @Test
    void withoutMediaRouteTheStreamIsForbidden() {
        asking(YARD_HLS).auth().oauth2(Stubs.user("vera", "control-mode")).get(ENDPOINT).then().statusCode(403)
                .body("error", equalTo("Missing required permissions: media-route"));
    }

    @Test
    void aUserOffTheDevicesAllowListIsForbidden() {
        asking(YARD_HLS).auth().oauth2(Stubs.user("ivan", "media-route")).get(ENDPOINT).then().statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
        asking(YARD_HLS).cookie("joystick_session", Stubs.user("ivan", "media-route")).get(ENDPOINT).then()
                .statusCode(403);
    }

    @Test
    void anUnknownOrMalformedPathIsForbiddenEvenToAdmins() {
        String admin = Stubs.admin();
        for (String uri : List.of("/stream/ghost/index.m3u8", "/stream/../stream-yard/index.m3u8", "/stream/",
                "/stream",
                "/api/devices", "/stream/stream%2Fyard/index.m3u8")) {
            asking(uri).auth().oauth2(admin).get(ENDPOINT).then().statusCode(403)
                    .body("error", equalTo("No stream you may watch at this address"));
        }
        given().auth().oauth2(admin).get(ENDPOINT).then().statusCode(403);
    }

    @Test
    void aDeviceWithAConfiguredPathIsReachedByThatPathOnly() {
        String vera = Stubs.user("vera", "media-route");
        asking("/stream/roof/index.m3u8").auth().oauth2(vera).get(ENDPOINT).then().statusCode(200)
                .header("X-Joystick-Device", "stream-roof");
        asking("/stream/stream-roof/index.m3u8").auth().oauth2(vera).get(ENDPOINT).then().statusCode(403);
    }

    @Test
    void adminsAndServicesPassEveryAllowList() {
        asking(YARD_HLS).auth().oauth2(Stubs.admin()).get(ENDPOINT).then().statusCode(200);
        asking(YARD_HLS).header("X-API-Key", TestKeys.SERVICE_KEY).get(ENDPOINT).then().statusCode(200);
    }

    @Test
    void aCookieMayStartAWebRtcSessionOnlyFromTheConsolesOwnPages() {
        String vera = Stubs.user("vera", "media-route");
        given().header("X-Forwarded-Uri", ROOF_WHEP).header("X-Forwarded-Method", "POST")
                .cookie("joystick_session", vera)
                .get(ENDPOINT).then().statusCode(403).body("error", equalTo("Cross-origin request refused"));
        given().header("X-Forwarded-Uri", ROOF_WHEP).header("X-Forwarded-Method", "POST")
                .cookie("joystick_session", vera)
                .header("Origin", "https://evil.example").get(ENDPOINT).then().statusCode(403);
        given().header("X-Forwarded-Uri", ROOF_WHEP).header("X-Forwarded-Method", "POST")
                .cookie("joystick_session", vera)
                .header("Origin", "http://localhost:8088").get(ENDPOINT).then().statusCode(200);
    }
}
