package io.joystick.device;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * switcher-client and notification-service as WireMock stubs on dynamic ports, so every test's set-mode and
 * every alert reach them, never a real service on 8080 or 8002.
 */
public class PeerServiceStubs implements QuarkusTestResourceLifecycleManager {

    static final String SWITCHER_URL = "quarkus.rest-client.switcher.url";
    static final String NOTIFICATION_URL = "quarkus.rest-client.notification-service.url";

    private WireMockServer switcher;
    private WireMockServer notifications;

    @Override
    public Map<String, String> start() {
        switcher = new WireMockServer(options().dynamicPort());
        switcher.start();
        notifications = new WireMockServer(options().dynamicPort());
        notifications.start();
        // %test. as well: application.properties points the test profile's notification URL at nothing
        return Map.of(SWITCHER_URL, switcher.baseUrl(), NOTIFICATION_URL, notifications.baseUrl(),
                "%test." + NOTIFICATION_URL, notifications.baseUrl());
    }

    /** A client for the stub whose URL is in {@code property}, from inside a test. */
    static WireMock client(String property) {
        URI uri = URI.create(ConfigProvider.getConfig().getValue(property, String.class));
        return new WireMock(uri.getHost(), uri.getPort());
    }

    @Override
    public void stop() {
        if (switcher != null) {
            switcher.stop();
        }
        if (notifications != null) {
            notifications.stop();
        }
    }
}
