package io.joystick.suite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's first command, `./joystick up`, as a newcomer runs it (with the jars the build just made:
 * `--no-build`), and the security guide's commands against what it started, on the ports of docs/architecture.md#1-topology.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("joystick.root", "..")).toAbsolutePath().normalize();
    /** The services' ports and fleet-service's embedded MQTT broker (1884). */
    private static final List<Integer> PORTS = List.of(8090, 8000, 8001, 8002, 8003, 1884, 8080, 8088);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;
    /** The admin's password, printed once by the first start. */
    private static String adminPassword;

    private record Result(int exit, String output) {
    }

    @BeforeAll
    static void portsAreFree() {
        for (int port : PORTS) {
            assumeTrue(!listening(port), "port " + port + " is in use here; the launcher test needs the suite's ports");
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        joystick("down");
    }

    @Test
    @Order(0)
    void usagePrintsTheCommandsOnly() throws Exception {
        Result usage = joystick("help");
        assertEquals(2, usage.exit(), usage.output());
        List<String> lines = usage.output().lines().toList();
        assertEquals(5, lines.size(), usage.output());
        assertTrue(lines.get(0).startsWith("Joystick launcher"), usage.output());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("  ./joystick ")), usage.output());
    }

    @Test
    @Order(1)
    void refusesClearlyWhenAPortIsTaken() throws Exception {
        try (ServerSocket squatter = new ServerSocket(8001, 50, InetAddress.getLoopbackAddress())) {
            Result up = joystick("up", "--detach", "--no-build");
            assertNotEquals(0, up.exit(), up.output());
            assertTrue(up.output().contains("port 8001 (for telemetry-service) is taken"), up.output());
        }
        for (int port : List.of(8090, 8000, 8002, 8003, 1884, 8080, 8088)) {
            assertTrue(!listening(port), "nothing may be left running after a refusal, but " + port + " listens");
        }
    }

    @Test
    @Order(2)
    void startsTheSuiteAndTheSecurityGuidesCommandsWork() throws Exception {
        Result up = joystick("up", "--detach", "--no-build");
        assertEquals(0, up.exit(), up.output());
        Matcher password = Pattern.compile("Password: (\\S+)").matcher(up.output());
        assertTrue(password.find(), "the generated admin password is printed once:\n" + up.output());
        assertTrue(up.output().replaceAll("\u001B\\[[0-9;]*m", "").strip().endsWith("Open http://localhost:8088"),
                "ends with the console's address:\n" + up.output());
        String apiKey =
                Files.readAllLines(data.resolve("joystick.env")).stream().filter(l -> l.startsWith("JOYSTICK_API_KEY="))
                        .map(l -> l.substring("JOYSTICK_API_KEY=".length())).findFirst().orElseThrow();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("joystick.env"))));

        JsonNode login = post("http://localhost:8090/api/collections/users/auth-with-password", null,
                "{\"identity\":\"admin@joystick.local\",\"password\":\"" + password.group(1) + "\"}", 200);
        String token = login.path("token").asText();

        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://localhost:8000/api/health"))
                .header("X-API-Key", apiKey).GET());
        assertEquals(200, health.statusCode());
        assertEquals("service:default", JSON.readTree(health.body()).path("principal").asText());

        JsonNode run = post("http://localhost:8000/api/run/demo/say", "Bearer " + token, "{\"msg\":\"hello\"}", 200);
        assertEquals("hello from demo", run.path("output").asText().trim());
        // The launcher runs the prod profile, where a token in the URL counts only on WebSocket and SSE requests.
        post("http://localhost:8000/api/run/demo/say?token=" + token, null, "{\"msg\":\"hello\"}", 401);

        HttpResponse<String> gps = send(HttpRequest.newBuilder(URI.create("http://localhost:8001/api/gps"))
                .header("Authorization", "Bearer " + token).GET());
        assertEquals(200, gps.statusCode(), gps.body());
        assertEquals("simulated", JSON.readTree(gps.body()).path("source").asText());
        post("http://localhost:8002/api/notifications/send", "Bearer " + token,
                "{\"type\":\"info\",\"title\":\"Hello\",\"message\":\"from the launcher test\",\"deviceId\":\"demo\"}",
                200);

        // fleet-service runs with its embedded broker, and the demo device got a broker account for the local
        // telemetry-service (the readings themselves arrive once it publishes).
        HttpResponse<String> fleet =
                send(HttpRequest.newBuilder(URI.create("http://localhost:8003/api/fleet/devices/demo/telemetry"))
                        .header("Authorization", "Bearer " + token).GET());
        assertEquals(200, fleet.statusCode(), fleet.body());
        assertTrue(!up.output().contains("no broker account for the demo device"), up.output());

        Result status = joystick("status");
        assertEquals(7, status.output().lines().filter(l -> l.contains(" up ")).count(), status.output());
        adminPassword = password.group(1);
    }

    /**
     * Every fenced {@code bash} block of the READMEs, as a newcomer pastes it, against the suite the previous test
     * started (see {@link ReadmeBlocks} for which blocks run and how a README marks one that cannot run here).
     */
    @Test
    @Order(3)
    void everyReadmeBlockThatCanRunHereWorks() throws Exception {
        assumeTrue(adminPassword != null, "needs the suite the previous test started");
        List<ReadmeBlocks.Block> blocks = ReadmeBlocks.in(ROOT);
        assertTrue(blocks.stream().anyMatch(ReadmeBlocks.Block::runs), "no runnable block found under " + ROOT);
        List<String> failures = new java.util.ArrayList<>();
        for (ReadmeBlocks.Block block : blocks) {
            if (!block.runs()) {
                continue;
            }
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", ReadmeBlocks.PRELUDE + block.text())
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            builder.environment().put("JOYSTICK_DATA_DIR", data.toString());
            builder.environment().put("PASSWORD", adminPassword);
            builder.environment().remove("JOYSTICK_API_KEY");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), block.where() + " did not finish");
            if (process.exitValue() != 0) {
                failures.add(block.where() + " failed (mark it ```bash no-run if it cannot run here):\n" + output);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));

        Result down = joystick("down");
        assertEquals(0, down.exit(), down.output());
        for (int port : PORTS) {
            assertTrue(!listening(port), port + " still listens after down");
        }
    }

    @Test
    @Order(4)
    void aForegroundUpEndsQuietlyWhenDownRunsElsewhere() throws Exception {
        Process up = start(List.of(ROOT.resolve("joystick").toString(), "up", "--no-build"));
        StringBuilder output = new StringBuilder();
        Thread reader = readInto(up, output);
        awaitOutput(output, "Press Ctrl-C to stop.", up);
        Result down = joystick("down");
        assertEquals(0, down.exit(), down.output());
        assertTrue(up.waitFor(2, TimeUnit.MINUTES), "up did not end after down");
        reader.join(10_000);
        assertEquals(0, up.exitValue(), output.toString());
        assertTrue(output.toString().contains("Stopped by ./joystick down."), output.toString());
        assertTrue(!output.toString().contains("stopped unexpectedly"), output.toString());
    }

    /** Ctrl-C reaches the whole foreground process group: the launcher and the tee its output is piped into. */
    @Test
    @Order(5)
    void ctrlCOnAnUpPipedIntoTeeStopsEveryService() throws Exception {
        Path log = data.resolve("up.log");
        Process up = start(List.of("setsid", "bash", "-c",
                "'" + ROOT.resolve("joystick") + "' up --no-build | tee '" + log + "'"));
        StringBuilder output = new StringBuilder();
        Thread reader = readInto(up, output);
        awaitOutput(output, "Press Ctrl-C to stop.", up);
        // setsid made the shell the leader of a new process group: signal the group, as a terminal does
        new ProcessBuilder("kill", "-INT", "--", "-" + up.pid()).inheritIO().start().waitFor();
        assertTrue(up.waitFor(2, TimeUnit.MINUTES), "up did not end after Ctrl-C");
        reader.join(10_000);
        for (int port : PORTS) {
            assertTrue(!listening(port), port + " still listens after Ctrl-C on ./joystick up | tee");
        }
        Result status = joystick("status");
        assertEquals(0, status.output().lines().filter(l -> l.contains(" up ")).count(), status.output());
    }

    private static Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("JOYSTICK_DATA_DIR", data.toString());
        builder.environment().remove("JOYSTICK_ADMIN_PASSWORD");
        builder.environment().remove("JOYSTICK_API_KEY");
        return builder.start();
    }

    private static Thread readInto(Process process, StringBuilder output) {
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void awaitOutput(StringBuilder output, String expected, Process process)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                if (output.toString().contains(expected)) {
                    return;
                }
            }
            assertTrue(process.isAlive(), "ended before printing '" + expected + "':\n" + output);
            Thread.sleep(200);
        }
        throw new AssertionError("'" + expected + "' not printed:\n" + output);
    }

    private static JsonNode post(String url, String authorization, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request);
        assertEquals(expected, response.statusCode(), url + " → " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result joystick(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("joystick").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("JOYSTICK_DATA_DIR", data.toString());
        builder.environment().remove("JOYSTICK_ADMIN_PASSWORD");
        builder.environment().remove("JOYSTICK_API_KEY");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "./joystick " + arguments[0] + " did not finish");
        return new Result(process.exitValue(), output);
    }
}
