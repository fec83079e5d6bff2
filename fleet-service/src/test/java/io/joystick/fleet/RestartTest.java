package io.joystick.fleet;

import static io.joystick.fleet.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.fleet.ingest.service.MqttIngest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** fleet-service away from the broker (as during a restart) loses nothing: its persistent session keeps it. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
@QuarkusTestResource(value = MosquittoBroker.class, restrictToAnnotatedClass = true)
class RestartTest {

    @Inject
    MqttIngest ingest;

    @Test
    void readingsPublishedWhileFleetServiceIsDownArriveAfterItsRestart() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (DeviceMqtt device = DeviceMqtt.connect(Fixtures.credentials("cam-5"), "edge-cam-5")) {
            await().atMost(Duration.ofSeconds(20)).until(ingest::subscribed);
            ingest.stop();
            for (int i = 0; i < 5; i++) {
                device.publish("joystick/devices/cam-5/telemetry/gps", Fixtures.gps(40 + i, at.plusSeconds(i)));
            }
            as("ana", "device-gps").get("/api/fleet/devices/cam-5/gps/history?from=" + at).then().statusCode(200)
                    .body("total", equalTo(0));
            ingest.start();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ana", "device-gps")
                .get("/api/fleet/devices/cam-5/gps/history?from=" + at + "&to=" + at.plusSeconds(10)).then()
                .statusCode(200).body("total", equalTo(5))
                .body("items.latitude", equalTo(List.of(40.0f, 41.0f, 42.0f, 43.0f, 44.0f))));
    }
}
