package io.joystick.device.run.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.LogCapture;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.joystick.device.HangGuard;
import io.joystick.device.PeerServiceStubs;
import io.joystick.device.execution.service.MinaSshServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code POST /api/run} with {@code target=device}, against a real SSH server on loopback. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(PeerServiceStubs.class)
class RunOverSshTest {

    static MinaSshServer server;

    String model;
    String device;

    @BeforeAll
    static void startServer() throws Exception {
        server = new MinaSshServer().start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void catalog() {
        model = Fixtures.model();
        Fixtures.run(model, Fixtures.action("say"), "printf '%s from %s' $msg $device", "device",
                Map.of("type", "object", "properties", Map.of("msg", Map.of("type", "string")), "required",
                        List.of("msg")),
                null);
        Fixtures.run(model, Fixtures.action("sleepy"), "sleep 30", "device", null, null);
        device = Fixtures.device(model, information(MinaSshServer.PASSWORD), "kate");
    }

    /** The captured lines but the test's own HTTP client's, which logs the request bodies it sends. */
    private static Stream<String> serviceLines(LogCapture logs) {
        return logs.lines().stream().filter(line -> !line.logger().startsWith("org.apache.http"))
                .map(LogCapture.Line::text);
    }

    private static Map<String, Object> information(String password) {
        Map<String, Object> info = new HashMap<>();
        info.put("host", "127.0.0.1");
        info.put("port", server.port());
        info.put("user", MinaSshServer.USER);
        info.put("password", password);
        return info;
    }

    private static io.restassured.response.ValidatableResponse say(String device, String msg) {
        return given().auth().oauth2(Fixtures.user("kate")).contentType(ContentType.JSON).body(Map.of("msg", msg))
                .post("/api/run/" + device + "/say").then();
    }

    @Test
    void runsOverOnePooledSessionAcrossRuns() {
        say(device, "hello").statusCode(200).body("output", equalTo("hello from " + device)).body("exitCode",
                equalTo(0));
        int sessions = server.sessionsCreated();
        say(device, "again").statusCode(200).body("output", equalTo("again from " + device));
        say(device, "and again").statusCode(200);
        assertEquals(sessions, server.sessionsCreated(), "runs must reuse the pooled session");
    }

    @Test
    void noParameterCanRunACommandOnTheDevice() throws Exception {
        Path canary = Files.createTempDirectory("ssh-canary").resolve("pwned");
        for (String attack : List.of("; touch " + canary, "$(touch " + canary + ")", "`touch " + canary + "`",
                "' && touch " + canary + " '", "x\ntouch " + canary, "| touch " + canary)) {
            say(device, attack).statusCode(200).body("output", equalTo(attack + " from " + device));
        }
        assertFalse(Files.exists(canary));
    }

    @Test
    void reestablishesADroppedSessionTransparently() {
        say(device, "before").statusCode(200);
        server.dropSessions();
        say(device, "after").statusCode(200).body("output", equalTo("after from " + device));
    }

    @Test
    void timesOutWith504() {
        HangGuard.given().auth().oauth2(Fixtures.user("kate")).queryParam("timeout", 1).contentType(ContentType.JSON)
                .body("{}")
                .post("/api/run/" + device + "/sleepy").then().statusCode(504)
                .body("success", equalTo(false)).body("error", containsString("Timed out after 1 s"));
    }

    @Test
    void wrongPasswordIs502WithoutTheSecretAnywhere() {
        String secret = "not-the-password-7731";
        try (LogCapture logs = LogCapture.everyLevel()) {
            String wrong = Fixtures.device(model, information(secret), "kate");
            String body = say(wrong, "hi").statusCode(502).body("success", equalTo(false))
                    .body("error", containsString("uthenticat")).extract().asString();
            assertFalse(body.contains(secret), body);
            String deviceView =
                    given().auth().oauth2(Fixtures.admin()).get("/api/devices/" + wrong).then().extract().asString();
            assertFalse(deviceView.contains(secret), deviceView);
            assertEquals(List.of(), serviceLines(logs).filter(line -> line.contains(secret)).toList(),
                    "log lines held the password");
            assertFalse(serviceLines(logs).anyMatch(line -> line.contains(MinaSshServer.PASSWORD)));
        }
    }

    @Test
    void unreachableDeviceIs502NamingTheDevice() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, Object> info = information(MinaSshServer.PASSWORD);
        info.put("port", closed);
        String unreachable = Fixtures.device(model, info, "kate");
        say(unreachable, "hi").statusCode(502).body("success", equalTo(false))
                .body("error", containsString("Device " + unreachable + " unreachable at 127.0.0.1:" + closed));
    }

    @Test
    void changedHostKeyIsRefusedUntilAnAdminForgetsThePin() throws Exception {
        say(device, "pin it").statusCode(200);
        server.restartWithNewHostKey();
        say(device, "spoofed?").statusCode(502).body("error", containsString("ost key"));
        given().auth().oauth2(Fixtures.user("kate")).delete("/api/devices/" + device + "/host-keys").then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + device + "/host-keys").then().statusCode(204);
        say(device, "re-pinned").statusCode(200).body("output", equalTo("re-pinned from " + device));
    }

    @Test
    void changedHostKeyIsNotifiedOnceUntilTheKeysAreForgotten() throws Exception {
        WireMock notifications = PeerServiceStubs.client(PeerServiceStubs.NOTIFICATION_URL);
        RequestPatternBuilder hostKeyAlert = postRequestedFor(urlPathEqualTo("/api/notifications/send"))
                .withHeader("X-API-Key", WireMock.equalTo(TestKeys.SERVICE_KEY))
                .withRequestBody(matchingJsonPath("$.deviceId", WireMock.equalTo(device)))
                .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("error")))
                .withRequestBody(matchingJsonPath("$.title", WireMock.equalTo("SSH host key changed")));
        say(device, "pin it").statusCode(200);
        server.restartWithNewHostKey();
        say(device, "spoofed?").statusCode(502);
        say(device, "spoofed again?").statusCode(502);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notifications.verifyThat(1, hostKeyAlert));

        given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + device + "/host-keys").then().statusCode(204);
        say(device, "re-pinned").statusCode(200);
        server.restartWithNewHostKey();
        say(device, "spoofed once more?").statusCode(502);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> notifications.verifyThat(2, hostKeyAlert));
    }

    @Test
    void failuresAreInTheActionLog() {
        given().auth().oauth2(Fixtures.user("kate")).queryParam("timeout", 1).contentType(ContentType.JSON).body("{}")
                .post("/api/run/" + device + "/sleepy").then().statusCode(504);
        given().auth().oauth2(Fixtures.user("kate")).get("/api/devices/" + device + "/logs").then().statusCode(200)
                .body("items[0].action", equalTo("sleepy")).body("items[0].success", equalTo(false))
                .body("items[0].error", containsString("Timed out"));
    }
}
