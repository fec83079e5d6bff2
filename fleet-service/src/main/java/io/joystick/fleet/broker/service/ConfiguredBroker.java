package io.joystick.fleet.broker.service;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.fleet.broker.config.MqttConfig;

/**
 * The broker from {@code JOYSTICK_MQTT_URL}, or the embedded one on 127.0.0.1:{@code JOYSTICK_MQTT_PORT} when it is
 * unset (whose admin password, unless configured, is made up at start and never leaves this process).
 */
@ApplicationScoped
public class ConfiguredBroker implements Broker {

    private final MqttConfig config;
    private final String adminPassword;

    public ConfiguredBroker(MqttConfig config) {
        this.config = config;
        if (config.url().isPresent() && config.adminPassword().isEmpty()) {
            throw new IllegalStateException("JOYSTICK_MQTT_ADMIN_PASSWORD is required with JOYSTICK_MQTT_URL");
        }
        this.adminPassword = config.adminPassword().orElseGet(ConfiguredBroker::randomSecret);
    }

    public boolean embedded() {
        return config.url().isEmpty();
    }

    @Override
    public BrokerAddress address() {
        return config.url().map(BrokerAddress::parse)
                .orElseGet(() -> new BrokerAddress("127.0.0.1", config.port(), false));
    }

    /** The address devices are told to use. */
    public String deviceUrl() {
        return config.deviceUrl().orElseGet(() -> address().url());
    }

    /** Moquette 0.17 honours {@code $share/} only for MQTT 5 clients; the embedded broker has one consumer anyway. */
    @Override
    public boolean sharedSubscriptions() {
        return !embedded();
    }

    @Override
    public String adminUser() {
        return config.adminUser();
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    public static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
