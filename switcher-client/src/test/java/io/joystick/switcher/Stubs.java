package io.joystick.switcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.joystick.auth.testapp.JwksFileAuth;

/** The stubs' clients (reached over HTTP, so any class loader can use them) and device fixtures. */
public final class Stubs {

    public static final String PRIMARY_HOST = "10.9.0.1";
    public static final String SECONDARY_HOST = "10.9.0.2";
    /** What the switcher must send to MediaMTX with every request. */
    public static final BasicCredentials MEDIAMTX = new BasicCredentials(Dependencies.MEDIAMTX_USER,
            Dependencies.MEDIAMTX_PASSWORD);

    private Stubs() {
    }

    public static WireMock deviceService() {
        return client("quarkus.rest-client.device-service.url");
    }

    public static WireMock notifications() {
        return client("quarkus.rest-client.notification-service.url");
    }

    public static WireMock mediaMtx() {
        return client("quarkus.rest-client.mediamtx.url");
    }

    /** MediaMTX answers {@code method path} with {@code status} and, unless null, a JSON {@code body}. */
    public static void mediaMtxAnswers(String method, String path, int status, String body) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status);
        if (body != null) {
            response = response.withHeader("Content-Type", "application/json").withBody(body);
        }
        mediaMtx().register(WireMock.request(method, urlPathEqualTo(path)).willReturn(response));
    }

    private static WireMock client(String property) {
        URI uri = URI.create(ConfigProvider.getConfig().getValue(property, String.class));
        return new WireMock(uri.getHost(), uri.getPort());
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String admin() {
        return JwksFileAuth.token("admin-1", "admin");
    }

    public static String user(String id, String... permissions) {
        return JwksFileAuth.token(id, permissions);
    }

    public static String deviceJson(String id, String mode, String activeSlot, boolean auto, String secondaryHost,
            String configuration) {
        return "{\"id\":\"" + id + "\",\"name\":\"Device " + id
                + "\",\"model\":\"m1\",\"owner\":\"admin-1\",\"allow\":[],"
                + "\"mode\":\"" + mode + "\",\"status\":\"unknown\",\"configuration\":" + configuration + ","
                + "\"information\":{\"host\":\"" + PRIMARY_HOST + "\",\"port\":22,\"user\":\"joystick\",\"phone\":null,"
                + "\"secondSlotHost\":" + (secondaryHost == null ? "null" : "\"" + secondaryHost + "\"")
                + ",\"secondSlotPhone\":null,\"activeSlot\":\"" + activeSlot + "\",\"autoSlotSwitch\":" + auto
                + ",\"hasPassword\":true,\"hasKey\":false},\"created\":\"2026-01-01T00:00:00Z\",\"updated\":\"2026-01-01T00:00:00Z\"}";
    }

    /** A streaming device with autoSlotSwitch and two slots, on its primary; a PATCH of its slot moves it. */
    public static String monitoredDevice(String mode, List<String> allow) {
        String id = unique("cam");
        String config = "{\"source\":\"rtsp://$host:8554/" + id + "\"}";
        WireMock dev = deviceService();
        String onPrimary = deviceJson(id, mode, "primary", true, SECONDARY_HOST, config);
        String onSecondary = deviceJson(id, mode, "secondary", true, SECONDARY_HOST, config);
        String scenario = "slot of " + id;
        dev.register(get(urlPathEqualTo("/api/devices/" + id)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(onPrimary)));
        dev.register(get(urlPathEqualTo("/api/devices/" + id)).inScenario(scenario)
                .whenScenarioStateIs("secondary").willReturn(okJson(onSecondary)));
        dev.register(patch(urlPathEqualTo("/api/devices/" + id + "/slot")).inScenario(scenario)
                .withRequestBody(equalToJson("{\"slot\":\"secondary\"}")).willSetStateTo("secondary")
                .willReturn(okJson(onSecondary)));
        dev.register(patch(urlPathEqualTo("/api/devices/" + id + "/slot")).inScenario(scenario)
                .withRequestBody(equalToJson("{\"slot\":\"primary\"}")).willSetStateTo(Scenario.STARTED)
                .willReturn(okJson(onPrimary)));
        allow(id, allow);
        mediaMtx().register(
                patch(urlPathEqualTo("/v3/config/paths/patch/" + id)).willReturn(aResponse().withStatus(200)));
        return id;
    }

    /** A device that stays as it is: {@code secondaryHost} null for one without a second slot. */
    public static String plainDevice(String mode, boolean auto, String secondaryHost, String configuration,
            List<String> allow) {
        return plainDevice(unique("dev"), mode, auto, secondaryHost, configuration, allow);
    }

    /** The same, with the id given. */
    public static String plainDevice(String id, String mode, boolean auto, String secondaryHost, String configuration,
            List<String> allow) {
        deviceService().register(get(urlPathEqualTo("/api/devices/" + id))
                .willReturn(okJson(deviceJson(id, mode, "primary", auto, secondaryHost, configuration))));
        allow(id, allow);
        return id;
    }

    public static void allow(String id, List<String> users) {
        deviceService().register(get(urlPathEqualTo("/api/devices/" + id + "/allow")).willReturn(okJson(
                "{\"id\":\"" + id + "\",\"allow\":["
                        + String.join(",", users.stream().map(u -> "\"" + u + "\"").toList())
                        + "]}")));
    }

    public static void unknownDevice(String id) {
        deviceService().register(get(urlPathEqualTo("/api/devices/" + id)).willReturn(notFound()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Device not found\"}")));
        deviceService().register(get(urlPathEqualTo("/api/devices/" + id + "/allow")).willReturn(notFound()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Device not found\"}")));
    }

    /** What {@code slot-check} reports for one slot of a device from now on. */
    public static void slot(String id, String slot, boolean healthy) {
        deviceService().register(post(urlPathEqualTo("/api/run/" + id + "/slot-check"))
                .withRequestBody(equalToJson("{\"slot\":\"" + slot + "\"}"))
                .willReturn(healthy
                        ? okJson("{\"success\":true,\"output\":\"true\\n\",\"exitCode\":0,\"durationMs\":3}")
                        : okJson("{\"success\":true,\"output\":\"false\\n\",\"exitCode\":0,\"durationMs\":3}")));
    }

    /** The slot's host cannot be reached: device-service answers 502. */
    public static void slotUnreachable(String id, String slot) {
        deviceService().register(post(urlPathEqualTo("/api/run/" + id + "/slot-check"))
                .withRequestBody(equalToJson("{\"slot\":\"" + slot + "\"}"))
                .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error\":\"Connection refused: " + SECONDARY_HOST + ":22\"}")));
    }
}
