package io.joystick.telemetry.publish;

import static io.joystick.telemetry.publish.PublishingBroker.OBSERVER;
import static io.joystick.telemetry.publish.PublishingBroker.OBSERVER_PASSWORD;
import static io.joystick.telemetry.publish.PublishingBroker.broker;
import static io.joystick.telemetry.publish.TelemetryPublishingTest.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.telemetry.publish.MosquittoBroker.Message;
import io.joystick.telemetry.publish.MosquittoBroker.Subscriber;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code telemetry.publish.encoding=json}: what {@code mosquitto_sub} shows is the reading's JSON as is. */
@QuarkusTest
@QuarkusTestResource(value = JsonPublishingBroker.class, restrictToAnnotatedClass = true)
class TelemetryPublishingJsonTest {

    @Test
    void publishesThePlainJsonWhenSetToJson() throws Exception {
        Subscriber cell = broker().subscribe(OBSERVER, OBSERVER_PASSWORD, PREFIX + "telemetry/cpsi", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !cell.messages().isEmpty());

        Message message = cell.messages().get(0);
        assertEquals('{', message.payload().charAt(0), message.payload());
        Map<?, ?> reading = new ObjectMapper().readValue(message.payload(), Map.class);
        assertEquals("simulated", reading.get("source"));
    }
}
