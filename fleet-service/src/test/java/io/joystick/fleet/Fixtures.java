package io.joystick.fleet;

import static io.joystick.auth.testapp.TestKeys.SERVICE_KEY;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import io.joystick.auth.testapp.JwksFileAuth;
import io.restassured.specification.RequestSpecification;

public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification as(String user, String... permissions) {
        return given().auth().oauth2(JwksFileAuth.token(user, permissions));
    }

    public static RequestSpecification asService() {
        return given().header("X-API-Key", SERVICE_KEY);
    }

    public static String gps(double latitude, Instant at) {
        return "{\"latitude\":" + latitude + ",\"longitude\":13.4,\"altitude\":34.0,\"speed\":1.5,\"course\":90.0,"
                + "\"satellites\":9,\"hdop\":0.9,\"fix\":\"3d\",\"timestamp\":\"" + at + "\",\"source\":\"nmea\"}";
    }

    public static String battery(double voltage, Instant at) {
        return "{\"voltage\":" + voltage + ",\"current\":-120.0,\"power\":1400.0,\"consumption\":12.0,\"capacity\":80,"
                + "\"status\":\"Discharging\",\"timestamp\":\"" + at + "\",\"source\":\"sysfs\"}";
    }

    /** A device's broker account from the credentials endpoint, asked as a service. */
    public static DeviceMqtt.Account credentials(String deviceId) {
        var body = asService().post("/api/fleet/devices/" + deviceId + "/credentials").then().statusCode(200)
                .extract().jsonPath();
        return new DeviceMqtt.Account(body.getString("url"), body.getString("username"), body.getString("password"));
    }

    /**
     * Revokes the device's broker account while the device is connected: it is disconnected, and the account no
     * longer connects. With either broker (the embedded one and Mosquitto) alike.
     */
    public static void revokeAndExpectDisconnectedAndRefused(String deviceId) throws Exception {
        DeviceMqtt.Account account = credentials(deviceId);
        try (DeviceMqtt device = DeviceMqtt.connect(account, "edge-" + deviceId)) {
            asService().delete("/api/fleet/devices/" + deviceId + "/credentials").then().statusCode(204);
            await().atMost(Duration.ofSeconds(20)).until(device::closed);
        }
        boolean refused;
        try (DeviceMqtt again = DeviceMqtt.connect(account, "edge-" + deviceId + "b")) {
            refused = false;
        } catch (Exception e) {
            refused = true;
        }
        assertTrue(refused, "revoked credentials still connect");
    }
}
