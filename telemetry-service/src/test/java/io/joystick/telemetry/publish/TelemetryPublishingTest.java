package io.joystick.telemetry.publish;

import static io.joystick.auth.testapp.TestKeys.SERVICE_KEY;
import static io.joystick.telemetry.publish.PublishingBroker.DEVICE;
import static io.joystick.telemetry.publish.PublishingBroker.OBSERVER;
import static io.joystick.telemetry.publish.PublishingBroker.OBSERVER_PASSWORD;
import static io.joystick.telemetry.publish.PublishingBroker.broker;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.telemetry.codec.TelemetryCodec;
import io.joystick.telemetry.publish.MosquittoBroker.Message;
import io.joystick.telemetry.publish.MosquittoBroker.Subscriber;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The simulated sensors' readings reach a real Mosquitto, and survive the broker going away. */
@QuarkusTest
@QuarkusTestResource(value = PublishingBroker.class, restrictToAnnotatedClass = true)
class TelemetryPublishingTest {
    static final String PREFIX = "joystick/devices/" + DEVICE + "/";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishesEachSensorsReadingsRetainedAtQos1AsItsRestJsonDeflated() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> sent() >= 8);
        // A subscriber that comes later gets the retained ones: the latest reading of each sensor, and presence.
        Subscriber late = broker().subscribe(OBSERVER, OBSERVER_PASSWORD, PREFIX + "#", null);
        Set<String> expected = Set.of(PREFIX + "telemetry/gps", PREFIX + "telemetry/imu", PREFIX + "telemetry/battery",
                PREFIX + "telemetry/cpsi", PREFIX + "presence");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> late.messages().stream().map(Message::topic).toList().containsAll(expected));
        for (String topic : expected) {
            Message first = late.messages().stream().filter(m -> m.topic().equals(topic)).findFirst().orElseThrow();
            assertTrue(first.retained(), topic + " is retained");
            assertEquals(1, first.qos(), topic + " at QoS 1");
            if (topic.endsWith("presence")) {
                assertEquals("online", first.payload());
            } else {
                String sensor = topic.substring(topic.lastIndexOf('/') + 1);
                assertEquals(TelemetryCodec.DEFLATE_V1, first.bytes()[0], sensor + ": deflated by default");
                Map<String, Object> published = JSON.readValue(first.json(), new TypeReference<>() {
                });
                Map<String, Object> rest = given().header("X-API-Key", SERVICE_KEY).get("/api/" + sensor).then()
                        .statusCode(200).extract().jsonPath().getMap("");
                assertEquals(rest.keySet(), published.keySet(), sensor + ": the REST reading's JSON");
                assertEquals("simulated", published.get("source"));
                Instant.parse((String) published.get("timestamp"));
            }
        }
    }

    @Test
    void queuesReadingsWhileTheBrokerIsAwayThenSendsEveryOneInOrderWithItsTimestamp() throws Exception {
        Subscriber gps = broker().subscribe(OBSERVER, OBSERVER_PASSWORD, PREFIX + "telemetry/gps", "observer-gps");
        await().atMost(Duration.ofSeconds(30)).until(() -> !gps.messages().isEmpty());

        broker().stop();
        Set<String> takenMeanwhile = new LinkedHashSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            // the local API answers throughout
            String timestamp = given().header("X-API-Key", SERVICE_KEY).get("/api/gps").then().statusCode(200)
                    .extract().path("timestamp");
            takenMeanwhile.add(timestamp);
            return takenMeanwhile.size() >= 6 && queued() >= 5;
        });
        assertEquals("waiting", health().get("state"));
        broker().start();

        await().atMost(Duration.ofSeconds(60)).until(() -> timestamps(gps).containsAll(takenMeanwhile));
        List<String> received = timestamps(gps);
        for (int i = 1; i < received.size(); i++) {
            assertTrue(Instant.parse(received.get(i - 1)).isBefore(Instant.parse(received.get(i))),
                    "in the order taken: " + received);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "connected".equals(health().get("state")) && queued() == 0);
    }

    /** The GPS timestamps received, each once (a reconnecting subscriber may be given one again), in arrival order. */
    private static List<String> timestamps(Subscriber subscriber) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        for (Message message : subscriber.messages()) {
            seen.add((String) JSON.readValue(message.json(), Map.class).get("timestamp"));
        }
        return new ArrayList<>(seen);
    }

    static Map<String, Object> health() {
        List<Map<String, Object>> checks = given().get("/q/health/well").then().extract().jsonPath().getList("checks");
        Map<String, Object> check = checks.stream().filter(c -> "telemetry-publish".equals(c.get("name"))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        return data;
    }

    static long queued() {
        return ((Number) health().get("queued")).longValue();
    }

    static long sent() {
        return ((Number) health().get("sent")).longValue();
    }
}
