package io.joystick.switcher.stream.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.switcher.Dependencies;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Where no MediaMTX runs (the local run turns stream status off), the switcher is still ready. */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
@TestProfile(ReadinessWithoutMediaMtxTest.NoMediaMtx.class)
class ReadinessWithoutMediaMtxTest {

    public static class NoMediaMtx implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joystick.switcher.stream.status-enabled", "false");
        }
    }

    @Test
    void isReadyWithoutAMediaServerWhenStreamStatusIsOff() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'mediamtx' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'mediamtx' }.data.watched", startsWith("no: stream status is off"));
    }
}
