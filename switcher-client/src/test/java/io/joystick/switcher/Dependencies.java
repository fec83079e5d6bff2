package io.joystick.switcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * device-service, notification-service and MediaMTX as WireMock stubs on dynamic ports. The device list is
 * stubbed before the switcher starts, so its start-up restore of streaming devices can be watched.
 */
public class Dependencies implements QuarkusTestResourceLifecycleManager {

    public static final String MEDIAMTX_USER = "mtx-api";
    public static final String MEDIAMTX_PASSWORD = "mtx-secret-pass-4711";

    private final List<WireMockServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        WireMockServer device = started();
        WireMockServer notification = started();
        WireMockServer mediaMtx = started();
        device.stubFor(get(urlPathEqualTo("/api/devices")).willReturn(okJson("[" + String.join(",",
                Stubs.deviceJson("restore-bad", "live", "primary", false, "10.8.0.2",
                        "{\"source\":\"rtsp://$host/bad\"}"),
                Stubs.deviceJson("restore-ok", "live", "primary", false, "10.8.0.2",
                        "{\"source\":\"rtsp://$host/ok\"}"),
                Stubs.deviceJson("restore-auto", "auto", "secondary", false, "10.8.0.2", null),
                Stubs.deviceJson("restore-off", "off", "primary", false, null, null),
                Stubs.deviceJson("listed-no-secondary", "off", "primary", true, null, null),
                Stubs.deviceJson("listed-monitored", "off", "primary", true, "10.8.0.2", null),
                // streams watched through /stream/ (StreamAccessTest): one named by its id, one by configuration.path
                Stubs.deviceJson("stream-yard", "off", "primary", false, null, "{\"source\":\"rtsp://$host/yard\"}"),
                Stubs.deviceJson("stream-roof", "off", "primary", false, null,
                        "{\"path\":\"roof\",\"source\":\"rtsp://$host/roof\"}"))
                + "]")));
        device.stubFor(post(urlPathEqualTo("/api/run/listed-monitored/slot-check"))
                .willReturn(okJson("{\"success\":true,\"output\":\"true\\n\",\"exitCode\":0}")));
        mediaMtx.stubFor(post(urlPathEqualTo("/v3/config/paths/add/restore-bad")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"error\":\"disk full\"}")));
        mediaMtx.stubFor(
                post(urlPathEqualTo("/v3/config/paths/add/restore-ok")).willReturn(aResponse().withStatus(200)));
        mediaMtx.stubFor(
                post(urlPathEqualTo("/v3/config/paths/add/restore-auto")).willReturn(aResponse().withStatus(200)));
        mediaMtx.stubFor(get(urlPathEqualTo("/v3/paths/list")).willReturn(okJson("{\"pageCount\":1,\"items\":[]}")));
        mediaMtx.stubFor(get(urlPathEqualTo("/v3/info"))
                .willReturn(okJson("{\"version\":\"v1.20.1\",\"started\":\"2026-01-01T00:00:00Z\"}")));
        notification.stubFor(post(urlPathEqualTo("/api/notifications/send"))
                .willReturn(okJson("{\"success\":true,\"notificationId\":\"n1\",\"clientsNotified\":0}")));
        return Map.of(
                "quarkus.rest-client.device-service.url", device.baseUrl(),
                "quarkus.rest-client.notification-service.url", notification.baseUrl(),
                "quarkus.rest-client.mediamtx.url", mediaMtx.baseUrl(),
                "joystick.switcher.mediamtx.user", MEDIAMTX_USER,
                "joystick.switcher.mediamtx.password", MEDIAMTX_PASSWORD);
    }

    private WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        servers.add(server);
        server.start();
        return server;
    }

    @Override
    public void stop() {
        servers.forEach(WireMockServer::stop);
        servers.clear();
    }
}
