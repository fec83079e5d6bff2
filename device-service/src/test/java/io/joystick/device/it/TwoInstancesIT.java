package io.joystick.device.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.auth.testapp.TestKeys;

/**
 * Two instances of the packaged service on one PostgreSQL database (Quartz's clustered JDBC store): each transition
 * of a schedule is carried out once, and after both were down past a transition, starting both again applies the
 * state the schedule says once. Runs when {@code joystick.it.postgres-url} names a fresh database and the jar was built
 * with {@code -Dquarkus.datasource.db-kind=postgresql} (.ci/run does both). Transitions fall on whole minutes, so it
 * waits for up to two of them.
 */
class TwoInstancesIT {

    private static final String API_KEY = "it-device-key-5c0a7e21";
    private static final String KID = "it-key";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String url = System.getProperty("joystick.it.postgres-url", "");
    private final KeyPair signing = TestKeys.generate();
    private final WireMockServer switcher = new WireMockServer(options().dynamicPort());

    @TempDir
    Path dir;

    @AfterEach
    void stopSwitcher() {
        switcher.stop();
    }

    @Test
    void eachTransitionIsCarriedOutOnceAndADowntimeIsCaughtUpOnce() throws Exception {
        Map<String, String> env = environment();
        PackagedService a = start("device-service-a", env);
        PackagedService b = start("device-service-b", env);
        String device;
        Instant onAt = Instant.now().plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
        try {
            a.awaitReady(Duration.ofSeconds(180));
            b.awaitReady(Duration.ofSeconds(180));
            device = catalog(a);
            // on at a whole minute (UTC) some way ahead, off a minute later
            onAt = Instant.now().plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
            LocalTime on = LocalTime.ofInstant(onAt, ZoneOffset.UTC);
            JsonNode answer = call(b, "PUT", "/api/devices/" + device + "/automation", Map.of("type", "timeOfDay", "on",
                    hhmm(on), "off", hhmm(on.plusMinutes(1)), "zone", "UTC", "onMode", "live", "enabled", true), 200);
            assertEquals(onAt.toString(), answer.at("/nextTransition/at").asText());

            await().atMost(Duration.ofSeconds(30)).until(() -> calls(device, "off") == 1); // the state now, at once
            await().atMost(Duration.ofSeconds(150)).until(() -> calls(device, "live") == 1);
        } finally {
            a.close();
            b.close();
        }
        // both down while the off transition passes
        Instant offAt = onAt.plus(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(120)).until(() -> Instant.now().isAfter(offAt.plusSeconds(5)));

        PackagedService again = start("device-service-a2", env);
        PackagedService andAgain = start("device-service-b2", env);
        try {
            again.awaitReady(Duration.ofSeconds(180));
            andAgain.awaitReady(Duration.ofSeconds(180));
            await().atMost(Duration.ofSeconds(60)).until(() -> calls(device, "off") == 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> automationLogs(again, device).size() == 3);
        } finally {
            again.close();
            andAgain.close();
        }
        assertEquals(2, calls(device, "off"), "off at once, then once after the restart");
        assertEquals(1, calls(device, "live"), "on once, by one of the two instances");
    }

    private Map<String, String> environment() throws Exception {
        assumeTrue(!url.isBlank(),
                "Skipped: needs PostgreSQL; .ci/run's PostgreSQL pass runs it with -Djoystick.it.postgres-url=…");
        switcher.start();
        switcher.stubFor(post(urlPathMatching("/api/mode/.*")).willReturn(aResponse().withStatus(200)));
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.jwks(List.of(KID), List.of(signing)));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("joystick.it.postgres-user", "postgres"));
        env.put("JOYSTICK_API_KEY", API_KEY);
        env.put("JOYSTICK_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        env.put("JOYSTICK_JWKS_FILE", jwks.toString());
        env.put("JOYSTICK_REVOCATION_POLL_ENABLED", "false");
        env.put("JOYSTICK_SWITCHER_URL", switcher.baseUrl());
        env.put("JOYSTICK_AUTH_URL", "http://127.0.0.1:9");
        env.put("JOYSTICK_NOTIFICATION_URL", "http://127.0.0.1:9");
        env.put("JOYSTICK_FLEET_URL", "http://127.0.0.1:9");
        env.put("JOYSTICK_LOCAL_RUNS", "true");
        env.put("JOYSTICK_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    private PackagedService start(String name, Map<String, String> env) throws Exception {
        return PackagedService.start(new PackagedService.Launch(name, PackagedService.appJar(), dir, env)
                .withJvmOptions("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    }

    /** A model whose set-mode echoes the mode on the service's host, and a device of it. */
    private String catalog(PackagedService service) throws Exception {
        String model = call(service, "POST", "/api/models", Map.of("name", "it-model"), 201).get("id").asText();
        String action = call(service, "POST", "/api/actions", Map.of("name", "set-mode"), 201).get("id").asText();
        call(service, "POST", "/api/runs", Map.of("model", model, "action", action, "command", "echo $mode", "target",
                "local", "parameters", Map.of("type", "object", "properties", Map.of("mode", Map.of("enum",
                        List.of("live", "off", "auto"))), "required", List.of("mode"))),
                201);
        return call(service, "POST", "/api/devices", Map.of("name", "it-device", "model", model), 201).get("id")
                .asText();
    }

    private int calls(String device, String mode) {
        return switcher.findAll(postRequestedFor(urlPathEqualTo("/api/mode/" + device + "/" + mode))).size();
    }

    private List<JsonNode> automationLogs(PackagedService service, String device) throws Exception {
        JsonNode items = call(service, "GET", "/api/devices/" + device + "/logs", null, 200).get("items");
        List<JsonNode> logs = new java.util.ArrayList<>();
        items.forEach(item -> {
            if ("service:automation".equals(item.path("userId").asText())) {
                logs.add(item);
            }
        });
        return logs;
    }

    private JsonNode call(PackagedService service, String method, String path, Object body, int expected)
            throws Exception {
        String token = TestKeys.sign(TestKeys.claims("admin-1", Set.of("admin")), KID, signing);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
