package io.joystick.fleet;

import static io.joystick.fleet.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The broker restarts with fleet-service's persistent session saved to disk. Mosquitto 2.0 restores the session
 * (it answers "session present") but not its shared subscription, so fleet-service subscribes again on every
 * connect; what devices publish afterwards reaches it.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
@QuarkusTestResource(value = MosquittoBroker.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "persistence", value = "true"))
class BrokerRestartTest {

    private static final String INGEST = "/q/health/group/ingest";

    @Test
    void readingsPublishedAfterABrokerRestartReachTheSharedSubscription() throws Exception {
        DeviceMqtt.Account account = Fixtures.credentials("cam-6");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(INGEST) == 200);

        MosquittoBroker.halt();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(INGEST) == 503);
        // The fleet's reads come from the database: still ready for them without the broker.
        given().get("/q/health/ready").then().statusCode(200);
        given().get(INGEST).then().body("checks[0].name", equalTo("mqtt-ingest"))
                .body("checks[0].data.broker", startsWith("mqtt://"));
        MosquittoBroker.resume();
        await().atMost(Duration.ofSeconds(40)).until(() -> status(INGEST) == 200);

        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (DeviceMqtt device = DeviceMqtt.connect(account, "edge-cam-6")) {
            for (int i = 0; i < 3; i++) {
                device.publish("joystick/devices/cam-6/telemetry/gps", Fixtures.gps(50 + i, at.plusSeconds(i)));
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ana", "device-gps")
                .get("/api/fleet/devices/cam-6/gps/history?from=" + at + "&to=" + at.plusSeconds(10)).then()
                .statusCode(200).body("total", equalTo(3))
                .body("items.latitude", equalTo(List.of(50.0f, 51.0f, 52.0f))));
    }

    private static int status(String path) {
        return given().get(path).statusCode();
    }
}
