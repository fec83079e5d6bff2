package io.joystick.fleet.broker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.fleet.broker.config.MqttConfig;
import io.vertx.core.Vertx;

/** Mosquitto's dynamic security when {@code JOYSTICK_MQTT_URL} is set, the embedded broker's own accounts otherwise. */
public class AccountsProducer {

    @Produces
    @ApplicationScoped
    BrokerAccounts accounts(ConfiguredBroker broker, EmbeddedBroker embedded, MqttConfig config, Vertx vertx,
            ObjectMapper mapper) {
        if (broker.embedded()) {
            return embedded;
        }
        String clientId = config.clientId().orElse("joystick-fleet") + "-admin-"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new DynsecAccounts(vertx, broker, clientId, mapper);
    }

    void close(@Disposes BrokerAccounts accounts) {
        if (accounts instanceof DynsecAccounts dynsec) {
            dynsec.close();
        }
    }
}
