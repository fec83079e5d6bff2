package io.joystick.fleet;

import static io.joystick.fleet.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.PackagedService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/** Without JOYSTICK_MQTT_URL: the embedded broker, with the same per-device accounts and topic rules. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
@QuarkusTestResource(value = EmbeddedBrokerTest.FreePort.class, restrictToAnnotatedClass = true)
class EmbeddedBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class FreePort implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                return Map.of("joystick.mqtt.port", String.valueOf(PackagedService.freePort()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void storesWhatADevicePublishesUnderItsOwnIdOnly() throws Exception {
        Instant at = Instant.now();
        DeviceMqtt.Account account = Fixtures.credentials("cam-1");
        assertTrue(account.url().startsWith("mqtt://127.0.0.1:"));
        try (DeviceMqtt device = DeviceMqtt.connect(account, "edge-cam-1-stray")) {
            // Moquette answers a forbidden publish by closing the connection; Mosquitto drops it silently.
            device.publish("joystick/devices/cam-2/telemetry/gps", Fixtures.gps(2.0, at));
        } catch (Exception refused) {
            // the broker said no
        }
        try (DeviceMqtt device = DeviceMqtt.connect(account, "edge-cam-1")) {
            device.publish("joystick/devices/cam-1/telemetry/gps", Fixtures.gps(1.0, at));
            device.publish("joystick/devices/cam-1/telemetry/gps", "garbage");
            device.publish("joystick/devices/cam-1/telemetry/battery", Fixtures.battery(5000, at));
        }
        await().atMost(WAIT).untilAsserted(() -> as("ana", "device-battery").get("/api/fleet/devices/cam-1/battery")
                .then().statusCode(200).body("voltage", equalTo(5000.0f)));
        as("ana", "device-gps").get("/api/fleet/devices/cam-1/gps").then().statusCode(200).body("latitude",
                equalTo(1.0f));
        as("carl", "device-gps").get("/api/fleet/devices/cam-2/gps").then().statusCode(404);
    }

    @Test
    void revokedCredentialsAreDisconnectedAndRefused() throws Exception {
        Fixtures.revokeAndExpectDisconnectedAndRefused("cam-2");
    }

    @Test
    void refusesAnonymousAndWrongPasswords() {
        boolean refused;
        try (DeviceMqtt anonymous = DeviceMqtt.connect(new DeviceMqtt.Account(Fixtures.credentials("cam-3").url(),
                "device-cam-3", "wrong"), "edge-cam-3")) {
            refused = false;
        } catch (Exception e) {
            refused = true;
        }
        assertTrue(refused, "a wrong password connects");
    }
}
