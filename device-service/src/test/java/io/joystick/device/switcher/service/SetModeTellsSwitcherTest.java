package io.joystick.device.switcher.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.joystick.device.PeerServiceStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code set-mode} stores the mode and tells switcher-client (API key); a failing switcher never fails the run. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(PeerServiceStubs.class)
class SetModeTellsSwitcherTest {

    String device;
    WireMock switcher;

    @BeforeEach
    void catalog() {
        switcher = PeerServiceStubs.client(PeerServiceStubs.SWITCHER_URL);
        String model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("set-mode"), "echo $mode", "local", Map.of("type", "object",
                "properties", Map.of("mode", Map.of("enum", List.of("live", "off", "auto", "standby"))), "required",
                List.of("mode")), null);
        device = Fixtures.device(model, Map.of("host", "10.1.0.1"), "ivan");
    }

    void setMode(String mode) {
        given().auth().oauth2(Fixtures.user("ivan", "control-mode")).contentType(ContentType.JSON)
                .body(Map.of("mode", mode))
                .post("/api/run/" + device + "/set-mode").then().statusCode(200).body("output", equalTo(mode + "\n"));
        given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + device).then().body("mode", equalTo(mode));
    }

    @Test
    void setModeTellsTheSwitcherWithTheApiKey() {
        switcher.register(
                post(urlPathEqualTo("/api/mode/" + device + "/live")).willReturn(aResponse().withStatus(200)));
        setMode("live");
        switcher.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/mode/" + device + "/live"))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY)));
    }

    @Test
    void aFailingSwitcherDoesNotFailTheRun() {
        switcher.register(post(urlPathEqualTo("/api/mode/" + device + "/off")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"MediaMTX refused\"}")));
        setMode("off");
        switcher.register(post(urlPathEqualTo("/api/mode/" + device + "/auto"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        setMode("auto");
        switcher.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/mode/" + device + "/auto")));
    }

    @Test
    void modesWithoutAStreamMeaningAreNotSent() {
        setMode("standby");
        assertEquals(0, switcher.find(postRequestedFor(urlPathMatching("/api/mode/" + device + "/.*"))).size());
    }
}
