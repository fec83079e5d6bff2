package io.joystick.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One WireMock server standing in for every service behind the console's proxy. */
public class ServicesStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("joystick.console.services.auth-service", url, "joystick.console.services.device-service", url,
                "joystick.console.services.fleet-service", url, "joystick.console.services.notification-service", url,
                "joystick.console.services.switcher-client", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
