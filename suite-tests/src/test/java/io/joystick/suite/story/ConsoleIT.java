package io.joystick.suite.story;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.device.execution.service.OpenSshServer;
import io.joystick.device.execution.service.SshTarget;

/**
 * The console in a real browser against the packaged services, on one origin as `./joystick up` runs them:
 * the console forwards the API paths. The browser steps are a `node --test` script
 * (src/test/browser/console.test.mjs) driving Debian's Chromium through playwright-core; this class starts
 * the services, seeds the devices and users the steps expect, and runs it. Screenshots land in
 * target/console-screenshots.
 * <p>
 * fleet-service runs with its embedded broker; cam1 gets its broker account and publishes a short track and a
 * few readings with {@code mosquitto_pub}, as its telemetry-service would. The browser steps publish one more
 * reading the same way while the telemetry tab is open.
 * <p>
 * cam2 is reached over OpenSSH's sshd on loopback (device-service's test {@link OpenSshServer}), so its web terminal
 * is a real PTY shell. MediaMTX (a
 * WireMock stub) reports cam1's stream ready with two viewers and cam2's waiting, so switcher-client sets their
 * status as it would; the player's media comes from a stub in the browser steps (no MediaMTX here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {

    private static final Path ROOT = Path.of(System.getProperty("joystick.root", "..")).toAbsolutePath().normalize();
    private static final Path BROWSER_TESTS = ROOT.resolve("suite-tests/src/test/browser");
    private static final Path CHROMIUM = Path.of(System.getProperty("joystick.chromium", "/usr/bin/chromium"));
    private static final String OPERATOR = "operator@console.test";
    private static final String CONTROLLER = "controller@console.test";
    private static final List<String> SENSOR_PERMISSIONS =
            List.of("device-gps", "device-imu", "device-battery", "device-cpsi");

    private Path temp;
    private WireMockServer mediamtx;
    private OpenSshServer sshd;
    private Suite suite;
    private String consoleUrl;
    private String operatorId;
    private int mqttPort;
    private String fleetUrl;
    private Map<String, String> deviceAccount;

    @BeforeAll
    void startTheSuiteAndSeedIt() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM),
                CHROMIUM + " is missing (apt-get install chromium); .ci/run installs it");
        temp = Files.createTempDirectory("joystick-console");
        mediamtx = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        mediamtx.start();
        mediamtx.stubFor(any(urlPathMatching("/v3/.*")).willReturn(aResponse().withStatus(200)));
        mediamtx.stubFor(get(urlPathEqualTo("/v3/paths/list")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"pageCount\":1,\"items\":["
                        + "{\"name\":\"cam1\",\"ready\":true,\"readers\":[{\"type\":\"webRTCSession\"},{\"type\":\"hlsMuxer\"}]},"
                        + "{\"name\":\"cam2\",\"ready\":false,\"readers\":[]}]}")));
        sshd = OpenSshServer.start(temp.resolve("sshd"));

        suite = new Suite(ROOT, temp.resolve("data"));
        int consolePort = PackagedService.freePort();
        consoleUrl = "http://127.0.0.1:" + consolePort;
        // Cookie credentials are accepted only from the console's origin.
        Map<String, String> origin = Map.of("JOYSTICK_PUBLIC_ORIGINS", consoleUrl);
        Map<String, String> auth = new HashMap<>(origin);
        auth.put("JOYSTICK_ADMIN_EMAIL", Suite.ADMIN_EMAIL);
        auth.put("JOYSTICK_ADMIN_PASSWORD", Suite.ADMIN_PASSWORD);
        suite.start("auth-service", auth);
        suite.start("device-service", origin);
        suite.start("notification-service", origin);
        Map<String, String> switcher = new HashMap<>(origin);
        switcher.put("JOYSTICK_MEDIAMTX_URL", mediamtx.baseUrl());
        switcher.put("SLOT_HEALTH_CHECK_INTERVAL", "3600");
        switcher.put("STREAM_STATUS_INTERVAL", "1");
        // cam2's stream waits for the whole run: no "stream lost" warning (and toast) in the middle of the steps
        switcher.put("STREAM_LOST_AFTER", "3600");
        suite.start("switcher-client", switcher);
        mqttPort = PackagedService.freePort();
        int fleetPort = PackagedService.freePort();
        fleetUrl = "http://127.0.0.1:" + fleetPort;
        Map<String, String> fleet = new HashMap<>(origin);
        fleet.put("JOYSTICK_MQTT_PORT", String.valueOf(mqttPort));
        // No presence notification (and so no toast) during the browser steps.
        fleet.put("FLEET_PRESENCE_DEBOUNCE", "1h");
        suite.start("fleet-service", "fleet-service", fleetPort, fleet);
        suite.start("console", "console", consolePort, Map.of("JOYSTICK_CONSOLE_PROXY", "true",
                "JOYSTICK_FLEET_URL", fleetUrl));
        seed();
        publishTelemetry();
    }

    @AfterAll
    void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
        if (mediamtx != null) {
            mediamtx.stop();
        }
        if (sshd != null) {
            try {
                sshd.close();
            } catch (Exception e) {
                System.err.println("sshd did not stop: " + e);
            }
        }
    }

    private void seed() {
        Http admin = Http.bearer(login(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD));
        String auth = suite.url("auth-service");
        String device = suite.url("device-service");
        operatorId = created(admin.post(auth + "/api/admin/users", Map.of("email", OPERATOR, "name", "Operator",
                "password", password(OPERATOR), "permissions",
                withSensors("notifications", "terminal-route", "media-route"))));
        String controllerId =
                created(admin.post(auth + "/api/admin/users", Map.of("email", CONTROLLER, "name", "Controller",
                        "password", password(CONTROLLER), "permissions", List.of("control-mode"))));
        created(admin.post(device + "/api/models", Map.of("name", "console-camera")));
        for (String action : List.of("say", "set-mode")) {
            created(admin.post(device + "/api/actions", Map.of("name", action)));
        }
        created(admin.post(device + "/api/runs", Map.of("model", "console-camera", "action", "say", "target", "local",
                "command", "echo $msg from $device", "timeout", 10, "parameters", Map.of("type", "object",
                        "properties", Map.of("msg", Map.of("type", "string", "maxLength", 20)),
                        "required", List.of("msg"), "additionalProperties", false))));
        created(admin.post(device + "/api/runs",
                Map.of("model", "console-camera", "action", "set-mode", "target", "local",
                        "command", "echo mode $mode", "timeout", 10, "parameters", Map.of("type", "object",
                                "properties", Map.of("mode", Map.of("enum", List.of("live", "off", "auto"))),
                                "required", List.of("mode"), "additionalProperties", false))));
        SshTarget cam2 = sshd.target("cam2");
        Map<String, String> names =
                Map.of("cam1", "Camera one", "cam2", "Camera two", "cam3", "Camera three", "cam4", "Camera four");
        Map<String, String> modes = Map.of("cam1", "live", "cam2", "live", "cam3", "off", "cam4", "off");
        names.forEach((id, name) -> created(admin.post(device + "/api/devices", Map.of("id", id, "name", name,
                "model", "console-camera", "mode", modes.get(id),
                "allow", id.equals("cam3") ? List.of() : List.of(operatorId, controllerId),
                "information", id.equals("cam2")
                        ? Map.of("host", "127.0.0.1", "port", cam2.port(), "user", cam2.user(), "key",
                                cam2.privateKeyPem())
                        : Map.of("host", "127.0.0.1", "port", 22, "user", "demo")))));
        // switcher-client takes each streaming device's status from MediaMTX's runtime paths
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("on", admin.get(device + "/api/devices/cam1").body().path("status").asText());
            assertEquals("waiting", admin.get(device + "/api/devices/cam2").body().path("status").asText());
        });
    }

    private static List<String> withSensors(String... permissions) {
        List<String> all = new ArrayList<>(SENSOR_PERMISSIONS);
        all.addAll(List.of(permissions));
        return all;
    }

    /** cam1's broker account, then a track of three positions and a few readings of the last minutes, as cam1. */
    private void publishTelemetry() throws Exception {
        Http admin = Http.bearer(login(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD));
        Http.Response issued = admin.post(fleetUrl + "/api/fleet/devices/cam1/credentials", null);
        assertEquals(200, issued.status(), issued.toString());
        deviceAccount =
                Map.of("MQTT_PORT", String.valueOf(mqttPort), "MQTT_USERNAME", issued.body().path("username").asText(),
                        "MQTT_PASSWORD", issued.body().path("password").asText());
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            Instant at = now.minus(Duration.ofMinutes(9 - 3L * i));
            publish("telemetry/gps", "{\"latitude\":" + (47.3700 + 0.002 * i) + ",\"longitude\":" + (8.5400 + 0.003 * i)
                    + ",\"altitude\":410.0,\"speed\":12.5,\"course\":45.0,\"satellites\":9,\"hdop\":0.9,\"fix\":\"3d\","
                    + "\"timestamp\":\"" + at + "\",\"source\":\"nmea\"}");
            publish("telemetry/battery", "{\"voltage\":" + (12600 - 100 * i) + ".0,\"current\":-800.0,\"power\":9600.0,"
                    + "\"consumption\":120.0,\"capacity\":" + (90 - 5 * i)
                    + ",\"status\":\"Discharging\",\"timestamp\":\"" + at
                    + "\",\"source\":\"sysfs\"}");
            publish("telemetry/cpsi", "{\"technology\":\"LTE\",\"status\":\"Online\",\"operator\":\"Demo Mobile\","
                    + "\"band\":\"EUTRAN-BAND3\",\"cellId\":\"1234567\",\"rsrp\":" + (-100 + 3 * i)
                    + ".0,\"rsrq\":-9.0,"
                    + "\"rssi\":-65.0,\"sinr\":12.0,\"timestamp\":\"" + at + "\",\"source\":\"at\"}");
        }
        publish("telemetry/imu", "{\"x\":0.01,\"y\":-0.02,\"z\":0.98,\"gyro\":{\"x\":0.1,\"y\":0.0,\"z\":0.5},"
                + "\"angle\":{\"roll\":1.5,\"pitch\":-2.5,\"yaw\":90.0},\"temperature\":31.5,\"timestamp\":\"" + now
                + "\",\"source\":\"serial\"}");
        publish("presence", "online");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response history = admin.get(fleetUrl + "/api/fleet/devices/cam1/cpsi/history");
            assertEquals(3, history.body().path("total").asInt(), history.toString());
            assertEquals("online",
                    admin.get(fleetUrl + "/api/fleet/devices/cam1/presence").body().path("state").asText());
        });
    }

    private void publish(String topic, String message) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(mqttPort), "-i",
                "cam1-seed",
                "-u", deviceAccount.get("MQTT_USERNAME"), "-P", deviceAccount.get("MQTT_PASSWORD"), "-q", "1",
                "-t", "joystick/devices/cam1/" + topic, "-m", message).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mosquitto_pub did not finish");
        }
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }

    private String login(String email, String password) {
        return suite.login(email, password);
    }

    private static String created(Http.Response response) {
        assertEquals(201, response.status(), response.toString());
        return response.body().path("id").asText();
    }

    private static String password(String email) {
        return "password of " + email;
    }

    @Test
    void anOperatorDoesEveryTaskInTheBrowser() throws Exception {
        Path target = ROOT.resolve("suite-tests/target");
        if (!Files.isDirectory(BROWSER_TESTS.resolve("node_modules"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
                    target.resolve("console-npm-ci.log"));
        }
        Map<String, String> env = new HashMap<>();
        env.put("CONSOLE_URL", consoleUrl);
        env.put("SCREENSHOTS", target.resolve("console-screenshots").toString());
        env.put("DOCS_SCREENSHOT", target.resolve("console-screenshots/console-device-page.png").toString());
        env.put("CHROMIUM", CHROMIUM.toString());
        env.put("ADMIN_EMAIL", Suite.ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", Suite.ADMIN_PASSWORD);
        env.put("OPERATOR_EMAIL", OPERATOR);
        env.put("OPERATOR_PASSWORD", password(OPERATOR));
        env.put("OPERATOR_ID", operatorId);
        env.put("CONTROLLER_EMAIL", CONTROLLER);
        env.put("CONTROLLER_PASSWORD", password(CONTROLLER));
        env.putAll(deviceAccount);
        int exit =
                run(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "console.test.mjs"), env,
                        target.resolve("console-browser.log"));
        assertEquals(0, exit, "browser steps failed: " + Files.readString(target.resolve("console-browser.log")));
    }

    private static int run(List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_TESTS.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(8, TimeUnit.MINUTES)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish; log: " + log);
            }
            System.out.println(Files.readString(log));
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
