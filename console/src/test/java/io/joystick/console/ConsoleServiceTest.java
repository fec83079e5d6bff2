package io.joystick.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ServicesStub.class)
class ConsoleServiceTest {

    @BeforeEach
    void reset() {
        ServicesStub.server.resetAll();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        given().get("/q/health").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void forwardsApiPathsWithTheirQueryCookieAndBody() {
        ServicesStub.server.stubFor(get(urlEqualTo("/api/devices?page=2")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"id\":\"d1\"}]")));
        given().cookie("joystick_session", "abc").get("/api/devices?page=2").then().statusCode(200)
                .body("[0].id", equalTo("d1"));
        ServicesStub.server.verify(getRequestedFor(urlEqualTo("/api/devices?page=2"))
                .withHeader("Cookie",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("joystick_session=abc")));

        ServicesStub.server.stubFor(post(urlEqualTo("/api/auth/session")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "42").withBody("{\"message\":\"Too many attempts.\"}")));
        given().contentType("application/json").body("{\"identity\":\"a\"}").post("/api/auth/session").then()
                .statusCode(429)
                .header("Retry-After", "42");
        ServicesStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/session"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"identity\":\"a\"}")));
    }

    @Test
    void stripsTheSwitcherPrefixAsTraefikDoes() {
        ServicesStub.server
                .stubFor(get(urlEqualTo("/api/health/cam1")).willReturn(aResponse().withStatus(200).withBody("{}")));
        given().get("/switcher/api/health/cam1").then().statusCode(200);
        ServicesStub.server.verify(getRequestedFor(urlEqualTo("/api/health/cam1")));
    }

    @Test
    void keepsItsOwnHealthEndpoint() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        ServicesStub.server.verify(0, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void servesTheMapSettingsWithoutTilesUnlessConfigured() {
        given().get("/console-settings.json").then().statusCode(200).contentType("application/json")
                .body("tileUrl", nullValue())
                .header("Content-Security-Policy", containsString("img-src 'self' data:"));
        ServicesStub.server.verify(0, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void saysNoMediaServerAnswersWhenItForwardsTheApiItself() {
        given().get("/console-settings.json").then().statusCode(200).body("mediaServer", equalTo(false))
                .header("Content-Security-Policy", containsString("media-src 'self' blob:"));
    }
}
