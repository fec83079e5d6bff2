package io.joystick.auth.testapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * auth-service as a WireMock stub on a dynamic port: tests publish their JWKS and revocations on it
 * through WireMock's client API.
 */
public class AuthServiceStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/auth/revocations"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"cursor\":0,\"users\":[],\"tokens\":[]}")));
        return Map.of("joystick.auth-url", server.baseUrl(), "auth-stub.port", String.valueOf(server.port()),
                "joystick.data-dir", freshDataDir().toString());
    }

    /**
     * auth-lib remembers the last JWKS under the data directory and falls back to it when a fetch fails
     * (as the very first one does, before a test has published its keys). A JWKS left by a previous run
     * names the same kid with another random key, which would then fail every token of this run.
     */
    private static Path freshDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
