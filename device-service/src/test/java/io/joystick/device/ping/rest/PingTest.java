package io.joystick.device.ping.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class PingTest {

    @Test
    void reportsAReachableActiveSlotWithItsLatency() throws Exception {
        try (ServerSocket listening = new ServerSocket(0)) {
            String device = Fixtures.device(Fixtures.model(),
                    Map.of("host", "127.0.0.1", "port", listening.getLocalPort()), "mia");
            given().auth().oauth2(Fixtures.user("mia")).get("/api/ping/" + device).then().statusCode(200)
                    .body("success", equalTo(true)).body("available", equalTo(true)).body("host", equalTo("127.0.0.1"))
                    .body("latencyMs", greaterThanOrEqualTo(0)).body("$", not(hasKey("error")));
        }
    }

    @Test
    void reportsAnUnreachableSlot() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String device = Fixtures.device(Fixtures.model(), Map.of("host", "127.0.0.1", "port", closed), "mia");
        given().auth().oauth2(Fixtures.user("mia")).get("/api/ping/" + device).then().statusCode(200)
                .body("available", equalTo(false))
                .body("$", hasKey("latencyMs")).body("latencyMs", nullValue())
                .body("error", containsString("ConnectException"));
    }

    @Test
    void reportsADeviceWithoutAHost() {
        String device = Fixtures.device(Fixtures.model(), Map.of(), "mia");
        given().auth().oauth2(Fixtures.user("mia")).get("/api/ping/" + device).then().statusCode(200)
                .body("success", equalTo(true)).body("available", equalTo(false)).body("slot", equalTo("primary"))
                .body("error", equalTo("No host configured")).body("$", not(hasKey("latencyMs")))
                .body("$", hasKey("host")).body("host", nullValue());
    }

    @Test
    void checksTheAllowList() {
        String device = Fixtures.device(Fixtures.model(), Map.of("host", "127.0.0.1", "port", 22), "mia");
        given().auth().oauth2(Fixtures.user("noah")).get("/api/ping/" + device).then().statusCode(403)
                .body("error", equalTo("Access denied: You don't have permission to control this device"));
        given().get("/api/ping/" + device).then().statusCode(401);
        given().auth().oauth2(Fixtures.admin()).get("/api/ping/nope").then().statusCode(404);
    }
}
