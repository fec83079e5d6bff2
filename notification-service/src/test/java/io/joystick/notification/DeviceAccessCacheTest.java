package io.joystick.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** device-service tells us when a device's allow-list changed; the cached one goes at once, not when it expires. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
class DeviceAccessCacheTest {

    private static WireMock deviceService() {
        URI uri =
                URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.device-service.url", String.class));
        return new WireMock(uri.getHost(), uri.getPort());
    }

    private static void allowListIs(String device, String users) {
        deviceService().register(get(urlEqualTo("/api/devices/" + device + "/allow")).atPriority(1)
                .willReturn(okJson("{\"id\":\"" + device + "\",\"allow\":[" + users + "]}")));
    }

    private static int sendToDevice(String user, String device) {
        Map<String, Object> body = Fixtures.notification("info", "Lens dirty", "clean it");
        body.put("deviceId", device);
        return given().auth().oauth2(Fixtures.user(user, "notifications")).contentType(ContentType.JSON).body(body)
                .post("/api/notifications/send").then().extract().statusCode();
    }

    @Test
    void aRemovedUserLosesTheDeviceAsSoonAsDeviceServiceSaysSo() {
        String device = Fixtures.unique("cam-cache");
        allowListIs(device, "\"olga\"");
        assertEquals(200, sendToDevice("olga", device));
        allowListIs(device, "");
        assertEquals(200, sendToDevice("olga", device)); // still cached
        given().header("X-API-Key", TestKeys.SERVICE_KEY).delete("/api/internal/device-access/" + device).then()
                .statusCode(204);
        assertEquals(403, sendToDevice("olga", device));
        deviceService().verifyThat(2, getRequestedFor(urlEqualTo("/api/devices/" + device + "/allow")));
    }

    @Test
    void onlyTheServiceKeyMayDropACachedAllowList() {
        String device = Fixtures.unique("cam-cache");
        given().delete("/api/internal/device-access/" + device).then().statusCode(401);
        given().auth().oauth2(Fixtures.user("olga", "notifications")).delete("/api/internal/device-access/" + device)
                .then().statusCode(403);
        given().auth().oauth2(Fixtures.admin("root")).delete("/api/internal/device-access/" + device).then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.user("mallory", "service")).delete("/api/internal/device-access/" + device)
                .then().statusCode(403);
    }
}
