package io.joystick.fleet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * device-service (allow-lists and owners) and notification-service's send endpoint, on one dynamic port.
 * {@code cam-1}, {@code cam-4}, {@code cam-5}: owner ana, allow ana and ben; {@code cam-6}: owner ana, allows ana; {@code cam-3}: owner ana, allows ana; {@code cam-2}: owner carl, allows carl; {@code ghost} does not exist.
 */
public class DeviceServiceMock implements QuarkusTestResourceLifecycleManager {

    public static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        device("cam-1", "ana", "\"ana\",\"ben\"");
        device("cam-2", "carl", "\"carl\"");
        device("cam-3", "ana", "\"ana\"");
        device("cam-4", "ana", "\"ana\",\"ben\"");
        device("cam-5", "ana", "\"ana\",\"ben\"");
        device("cam-6", "ana", "\"ana\"");
        server.stubFor(get(urlEqualTo("/api/devices/ghost/allow")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Device not found\"}")));
        server.stubFor(get(urlEqualTo("/api/devices/ghost")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Device not found\"}")));
        server.stubFor(
                post(urlEqualTo("/api/notifications/send")).withHeader("X-API-Key", equalTo(TestKeys.SERVICE_KEY))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                .withBody("{\"success\":true,\"notificationId\":\"n1\"}")));
        return Map.of("quarkus.rest-client.device-service.url", server.baseUrl(),
                "quarkus.rest-client.notification-service.url", server.baseUrl());
    }

    private static void device(String id, String owner, String allow) {
        server.stubFor(
                get(urlEqualTo("/api/devices/" + id + "/allow")).withHeader("X-API-Key", equalTo(TestKeys.SERVICE_KEY))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                .withBody("{\"id\":\"" + id + "\",\"allow\":[" + allow + "]}")));
        server.stubFor(get(urlEqualTo("/api/devices/" + id)).withHeader("X-API-Key", equalTo(TestKeys.SERVICE_KEY))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + id + "\",\"owner\":\"" + owner + "\",\"allow\":[" + allow + "]}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
