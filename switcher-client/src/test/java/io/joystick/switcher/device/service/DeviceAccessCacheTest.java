package io.joystick.switcher.device.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.switcher.Dependencies;
import io.joystick.switcher.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** device-service tells the switcher when a device's allow-list changed; the cached one goes at once. */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(Dependencies.class)
class DeviceAccessCacheTest {

    @Test
    void aRemovedUserLosesTheDeviceAsSoonAsDeviceServiceSaysSo() {
        String device = Stubs.plainDevice("off", false, null, null, List.of("pia"));
        given().auth().oauth2(Stubs.user("pia")).get("/api/health/" + device).then().statusCode(200);
        Stubs.allow(device, List.of());
        given().auth().oauth2(Stubs.user("pia")).get("/api/health/" + device).then().statusCode(200); // still cached
        given().header("X-API-Key", TestKeys.SERVICE_KEY).delete("/api/internal/device-access/" + device).then()
                .statusCode(204);
        given().auth().oauth2(Stubs.user("pia")).get("/api/health/" + device).then().statusCode(403);
        Stubs.deviceService().verifyThat(2, getRequestedFor(urlPathEqualTo("/api/devices/" + device + "/allow")));
    }

    @Test
    void onlyTheServiceKeyMayDropACachedAllowList() {
        String device = Stubs.unique("dev");
        given().delete("/api/internal/device-access/" + device).then().statusCode(401);
        given().auth().oauth2(Stubs.user("pia", "system-status")).delete("/api/internal/device-access/" + device)
                .then().statusCode(403);
        given().auth().oauth2(Stubs.admin()).delete("/api/internal/device-access/" + device).then().statusCode(403);
        given().auth().oauth2(Stubs.user("mallory", "service")).delete("/api/internal/device-access/" + device)
                .then().statusCode(403);
    }
}
