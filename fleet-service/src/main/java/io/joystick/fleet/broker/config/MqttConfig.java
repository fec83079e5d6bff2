package io.joystick.fleet.broker.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The broker ({@code JOYSTICK_MQTT_*}): an external Mosquitto when {@code url} is set, else the embedded one. */
@ConfigMapping(prefix = "joystick.mqtt")
public interface MqttConfig {

    /** {@code mqtt://host:port} or {@code mqtts://host:port} of the broker to consume from and administer. */
    Optional<String> url();

    /** The embedded broker's port on 127.0.0.1 (only without {@code url}). */
    @WithDefault("1884")
    int port();

    /** The broker account fleet-service consumes and administers with (dynamic-security admin). */
    @WithDefault("joystick-fleet")
    String adminUser();

    /** Its password; for the embedded broker a random one is made when unset. */
    Optional<String> adminPassword();

    /** The broker address handed to devices with their credentials, e.g. {@code mqtts://joystick.example.com:8883}. */
    Optional<String> deviceUrl();

    /**
     * Whether instances split the messages through {@code $share/fleet/…} ({@code JOYSTICK_MQTT_SHARED}). Mosquitto
     * 2.0 does not restore a shared subscription after its own restart, so what devices send before fleet-service
     * has subscribed again is lost; a single instance can subscribe plainly ({@code false}), which survives it.
     */
    @WithDefault("true")
    boolean shared();

    /** This instance's MQTT client id; stable across restarts so the broker keeps its session. */
    Optional<String> clientId();
}
