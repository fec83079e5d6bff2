package io.joystick.telemetry.publish.config;

import java.time.Duration;
import java.util.Optional;

import io.joystick.telemetry.codec.TelemetryCodec.Encoding;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Publishing this device's readings to the fleet's MQTT broker; off unless {@code url} is set. Also settable as
 * environment variables: {@code TELEMETRY_PUBLISH_URL}, {@code TELEMETRY_PUBLISH_DEVICE_ID},
 * {@code TELEMETRY_PUBLISH_USERNAME}, {@code TELEMETRY_PUBLISH_PASSWORD}, {@code TELEMETRY_PUBLISH_INTERVAL},
 * {@code TELEMETRY_PUBLISH_ENCODING}…
 */
@ConfigMapping(prefix = "telemetry.publish")
public interface PublishConfig {

    /** {@code mqtt://host:port} or {@code mqtts://host:port} (TLS); credentials never go here. */
    Optional<String> url();

    /** The device's id in the fleet: 1–64 of A–Z, a–z, 0–9, {@code _} and {@code -}. */
    Optional<String> deviceId();

    /** The device's broker account. */
    Optional<String> username();

    Optional<String> password();

    /** The MQTT client id (default: the device id). */
    Optional<String> clientId();

    /** At most one reading per sensor this often. */
    @WithDefault("5s")
    Duration interval();

    /**
     * How a reading's JSON goes on the wire: {@code deflate} (one format byte, then DEFLATE with the fleet's
     * preset dictionary; about half the bytes) or {@code json} (as is, readable with {@code mosquitto_sub} while
     * debugging). fleet-service reads both. See docs/architecture.md ("Wire format of a reading").
     */
    @WithDefault("deflate")
    Encoding encoding();

    /** A PEM file of the CA certificates to trust for {@code mqtts://} (default: the JVM's trusted CAs). */
    Optional<String> caFile();

    Queue queue();

    Reconnect reconnect();

    /** The on-disk queue of readings waiting for the broker, under {@code joystick.data-dir}/publish-queue. */
    interface Queue {
        @WithDefault("50000")
        long maxReadings();

        @WithDefault("24h")
        Duration maxAge();
    }

    /** Exponential backoff with jitter between connection attempts. */
    interface Reconnect {
        @WithDefault("1s")
        Duration initialDelay();

        @WithDefault("60s")
        Duration maxDelay();
    }
}
