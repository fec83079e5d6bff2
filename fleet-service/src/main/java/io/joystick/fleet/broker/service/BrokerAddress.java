package io.joystick.fleet.broker.service;

import java.net.URI;

/** Where an MQTT broker listens: {@code mqtt://host:port} (plain) or {@code mqtts://host:port} (TLS). */
public record BrokerAddress(String host, int port, boolean tls) {

    public static BrokerAddress parse(String url) {
        URI uri = URI.create(url.trim());
        boolean tls = switch (String.valueOf(uri.getScheme())) {
            case "mqtt", "tcp" -> false;
            case "mqtts", "ssl" -> true;
            default ->
                throw new IllegalArgumentException("JOYSTICK_MQTT_URL must be mqtt://host:port or mqtts://host:port");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("JOYSTICK_MQTT_URL has no host");
        }
        return new BrokerAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883, tls);
    }

    public String url() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
