package io.joystick.switcher;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every endpoint: who may call it (401 for anonymous callers and invalid credentials) and unknown devices or bad
 * names (404/400).
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class EndpointsTest {

    @Test
    void everyEndpointRefusesAnonymousCallersAndInvalidCredentials() {
        String device = Stubs.monitoredDevice("live", List.of());
        String[][] calls = {{"POST", "/api/slot/" + device + "/secondary"}, {"GET", "/api/health/" + device},
                {"GET", "/api/health/devices"}, {"POST", "/api/health/check"},
                {"POST", "/api/mode/" + device + "/live"}};
        for (String[] call : calls) {
            given().request(call[0], call[1]).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("success", equalTo(false)).body("error", equalTo("Authentication required"));
            given().header("X-API-Key", "not-a-key").request(call[0], call[1]).then().statusCode(401);
            given().auth().oauth2("not.a.jwt").request(call[0], call[1]).then().statusCode(401);
        }
        assertEquals(0, Stubs.deviceService()
                .find(patchRequestedFor(urlPathEqualTo("/api/devices/" + device + "/slot"))).size());
        given().get("/api/health").then().statusCode(200).body("service", equalTo("switcher-client"));
    }

    @Test
    void unknownDevicesAreNotFoundAndBadNamesAreRefused() {
        String missing = Stubs.unique("ghost");
        Stubs.unknownDevice(missing);
        given().auth().oauth2(Stubs.admin()).post("/api/slot/" + missing + "/primary").then().statusCode(404)
                .body("error", equalTo("Device not found: " + missing));
        given().auth().oauth2(Stubs.admin()).get("/api/health/" + missing).then().statusCode(404);
        given().auth().oauth2(Stubs.admin()).post("/api/mode/" + missing + "/live").then().statusCode(404);
        given().auth().oauth2(Stubs.admin()).queryParam("device", missing).post("/api/health/check").then()
                .statusCode(404);
        given().auth().oauth2(Stubs.admin()).post("/api/slot/x%20y/primary").then().statusCode(404);

        String device = Stubs.monitoredDevice("live", List.of());
        given().auth().oauth2(Stubs.admin()).post("/api/slot/" + device + "/tertiary").then().statusCode(400)
                .body("error", equalTo("slot: must be 'primary' or 'secondary'"));
        given().auth().oauth2(Stubs.admin()).post("/api/mode/" + device + "/dance").then().statusCode(400)
                .body("error", equalTo("mode: must be 'live', 'off' or 'auto'"));
    }
}
