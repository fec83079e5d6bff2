package io.joystick.telemetry.publish;

import static io.joystick.auth.testapp.TestKeys.SERVICE_KEY;
import static io.joystick.telemetry.publish.TelemetryPublishingTest.health;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A broker that refuses the device's credentials: a clear error, no crash, the API serving, the queue bounded. */
@QuarkusTest
@QuarkusTestResource(value = RefusingBroker.class, restrictToAnnotatedClass = true)
class RefusedCredentialsTest {

    @Test
    void keepsServingAndQueuesWithinItsBoundWhileTheBrokerRefusesTheDevice() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> String.valueOf(health().get("error"))
                .contains("check TELEMETRY_PUBLISH_USERNAME and TELEMETRY_PUBLISH_PASSWORD"));
        given().header("X-API-Key", SERVICE_KEY).get("/api/gps").then().statusCode(200);

        // four sensors a second into a queue of five: the oldest go, and are counted
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) health().get("dropped")).longValue() >= 3);
        assertEquals(5, ((Number) health().get("queued")).longValue());
        // between attempts it waits; each attempt is briefly "connecting"
        await().atMost(Duration.ofSeconds(30)).until(() -> "waiting".equals(health().get("state")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("telemetry_publish_dropped_total"))
                .body(containsString("telemetry_publish_queued 5.0"));

        String log = Files.readString(PublishingBroker.serviceLog());
        assertTrue(log.contains("the broker refused"), log);
        assertFalse(log.contains(RefusingBroker.WRONG_PASSWORD), "the password is never logged");
        given().header("X-API-Key", SERVICE_KEY).get("/api/telemetry").then().statusCode(200);
    }
}
