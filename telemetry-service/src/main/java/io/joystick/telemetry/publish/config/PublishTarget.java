package io.joystick.telemetry.publish.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Publishing settings checked once at start: a broker address without credentials in it, a device id the fleet
 * accepts, and both or neither of username and password. {@link #toString()} leaves the password out.
 */
public record PublishTarget(String host, int port, boolean tls, String deviceId, String clientId,
        Optional<String> username, Optional<String> password, Optional<String> caFile, Duration interval) {

    /** The fleet's rule for device ids (it is also a single MQTT topic level). */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The settings, or an {@link IllegalArgumentException} that says which one is wrong and how. */
    public static PublishTarget of(PublishConfig config) {
        String url = config.url().orElseThrow(() -> new IllegalArgumentException("telemetry.publish.url is not set"));
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "TELEMETRY_PUBLISH_URL is not a URL (expected mqtt://host:port or mqtts://host:port)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("mqtt") && !scheme.equals("mqtts")) {
            throw new IllegalArgumentException("TELEMETRY_PUBLISH_URL must start with mqtt:// or mqtts://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("TELEMETRY_PUBLISH_URL must not carry credentials: "
                    + "use TELEMETRY_PUBLISH_USERNAME and TELEMETRY_PUBLISH_PASSWORD");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "TELEMETRY_PUBLISH_URL names no host (expected mqtt://host:port or mqtts://host:port)");
        }
        boolean tls = scheme.equals("mqtts");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        String deviceId = config.deviceId().map(String::trim).filter(id -> !id.isEmpty()).orElseThrow(
                () -> new IllegalArgumentException("TELEMETRY_PUBLISH_DEVICE_ID is not set"));
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException(
                    "TELEMETRY_PUBLISH_DEVICE_ID must be 1-64 characters of A-Z, a-z, 0-9, _ and -");
        }
        Optional<String> username = config.username().filter(u -> !u.isEmpty());
        Optional<String> password = config.password().filter(p -> !p.isEmpty());
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException(
                    "Set both TELEMETRY_PUBLISH_USERNAME and TELEMETRY_PUBLISH_PASSWORD, or neither");
        }
        if (config.interval().isNegative()) {
            throw new IllegalArgumentException("TELEMETRY_PUBLISH_INTERVAL must not be negative");
        }
        return new PublishTarget(uri.getHost(), port, tls, deviceId, config.clientId().orElse(deviceId), username,
                password, config.caFile(), config.interval());
    }

    /** The broker's address as logged and shown: never with the credentials. */
    public String address() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }

    public String telemetryTopic(String sensor) {
        return "joystick/devices/" + deviceId + "/telemetry/" + sensor;
    }

    public String presenceTopic() {
        return "joystick/devices/" + deviceId + "/presence";
    }

    @Override
    public String toString() {
        return "PublishTarget[" + address() + ", device " + deviceId + ", user " + username.orElse("(none)") + "]";
    }
}
