package io.joystick.telemetry.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.joystick.telemetry.codec.TelemetryCodec.Encoding;
import io.joystick.telemetry.publish.config.PublishConfig;
import io.joystick.telemetry.publish.config.PublishTarget;

/** The publishing settings are checked before anything is published. */
class PublishTargetTest {

    @Test
    void readsTheBrokerAddressAndTopics() {
        PublishTarget target =
                PublishTarget.of(config("mqtts://fleet.example.com:8883", "truck_7-B", "truck_7-B", "s3cret"));
        assertTrue(target.tls());
        assertEquals("fleet.example.com", target.host());
        assertEquals(8883, target.port());
        assertEquals("joystick/devices/truck_7-B/telemetry/gps", target.telemetryTopic("gps"));
        assertEquals("joystick/devices/truck_7-B/presence", target.presenceTopic());
        assertEquals("truck_7-B", target.clientId());
        assertFalse(target.toString().contains("s3cret"));
        assertEquals(1883, PublishTarget.of(config("mqtt://10.0.0.2", "d", null, null)).port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "slash/inside", "plus+", "hash#", "ümlaut",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void refusesADeviceIdTheFleetWouldNot(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishTarget.of(config("mqtt://broker:1883", id, null, null)));
        assertTrue(e.getMessage().contains("TELEMETRY_PUBLISH_DEVICE_ID"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"http://broker:1883,mqtt:// or mqtts://", "mqtt://user:pw@broker:1883,must not carry credentials",
            "mqtt:///nohost,names no host"})
    void refusesABrokerUrlItCannotUse(String url, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishTarget.of(config(url, "d1", null, null)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("pw@"), "a URL with credentials is not repeated");
    }

    @Test
    void wantsBothUsernameAndPasswordOrNeither() {
        assertThrows(IllegalArgumentException.class, () -> PublishTarget.of(config("mqtt://b:1", "d1", "user", null)));
        assertThrows(IllegalArgumentException.class, () -> PublishTarget.of(config("mqtt://b:1", "d1", null, "pw")));
    }

    static PublishConfig config(String url, String deviceId, String username, String password) {
        return new PublishConfig() {
            public Optional<String> url() {
                return Optional.of(url);
            }

            public Optional<String> deviceId() {
                return Optional.ofNullable(deviceId);
            }

            public Optional<String> username() {
                return Optional.ofNullable(username);
            }

            public Optional<String> password() {
                return Optional.ofNullable(password);
            }

            public Optional<String> clientId() {
                return Optional.empty();
            }

            public Duration interval() {
                return Duration.ofSeconds(5);
            }

            public Encoding encoding() {
                return Encoding.DEFLATE;
            }

            public Optional<String> caFile() {
                return Optional.empty();
            }

            public Queue queue() {
                return null;
            }

            public Reconnect reconnect() {
                return null;
            }
        };
    }
}
