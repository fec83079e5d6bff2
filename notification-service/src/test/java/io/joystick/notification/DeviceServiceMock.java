package io.joystick.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.joystick.auth.testapp.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * device-service's allow-list endpoint, on a dynamic port. {@code cam-1} allows ana and ben; {@code ghost}
 * does not exist; {@code cam-down} stands for device-service failing. Only our API key is accepted.
 */
public class DeviceServiceMock implements QuarkusTestResourceLifecycleManager {

    public static final String DEVICE = "cam-1";
    public static final String UNKNOWN_DEVICE = "ghost";
    public static final String FAILING_DEVICE = "cam-down";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo("/api/devices/" + DEVICE + "/allow")).atPriority(5)
                .withHeader("X-API-Key", equalTo(TestKeys.SERVICE_KEY))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + DEVICE + "\",\"allow\":[\"ana\",\"ben\"]}")));
        server.stubFor(get(urlEqualTo("/api/devices/" + UNKNOWN_DEVICE + "/allow")).atPriority(5)
                .withHeader("X-API-Key", equalTo(TestKeys.SERVICE_KEY))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error\":\"Device not found\"}")));
        server.stubFor(get(urlEqualTo("/api/devices/" + FAILING_DEVICE + "/allow")).atPriority(5)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlEqualTo("/api/devices/" + DEVICE + "/allow")).atPriority(10)
                .willReturn(aResponse().withStatus(401)
                        .withBody("{\"success\":false,\"error\":\"Authentication required\"}")));
        return Map.of("quarkus.rest-client.device-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
