package io.joystick.device;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * switcher-client, notification-service and fleet-service as WireMock stubs on dynamic ports, so every test's set-mode and
 * every alert reach them, never a real service on 8080 or 8002.
 */
public class PeerServiceStubs implements QuarkusTestResourceLifecycleManager {

    public static final String SWITCHER_URL = "quarkus.rest-client.switcher.url";
    public static final String NOTIFICATION_URL = "quarkus.rest-client.notification-service.url";
    public static final String FLEET_URL = "quarkus.rest-client.fleet-service.url";

    private WireMockServer switcher;
    private WireMockServer notifications;
    private WireMockServer fleet;

    @Override
    public Map<String, String> start() {
        switcher = new WireMockServer(options().dynamicPort());
        switcher.start();
        notifications = new WireMockServer(options().dynamicPort());
        notifications.start();
        fleet = new WireMockServer(options().dynamicPort());
        fleet.start();
        // Answers like notification-service: refused sends would open the client's circuit breaker and
        // swallow the notifications a later test waits for.
        notifications.stubFor(post(urlPathEqualTo("/api/notifications/send")).willReturn(
                okJson("{\"success\":true,\"notificationId\":\"n1\",\"clientsNotified\":0}")));
        // %test. as well: application.properties points the test profile's peer URLs at nothing
        return Map.of(SWITCHER_URL, switcher.baseUrl(), "%test." + SWITCHER_URL, switcher.baseUrl(),
                NOTIFICATION_URL, notifications.baseUrl(), "%test." + NOTIFICATION_URL, notifications.baseUrl(),
                FLEET_URL, fleet.baseUrl(), "%test." + FLEET_URL, fleet.baseUrl());
    }

    /** A client for the stub whose URL is in {@code property}, from inside a test. */
    public static WireMock client(String property) {
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
        if (fleet != null) {
            fleet.stop();
        }
    }
}
