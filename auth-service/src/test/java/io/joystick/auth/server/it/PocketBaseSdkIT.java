package io.joystick.auth.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.auth.testapp.TestKeys;

/** The real PocketBase JS SDK (the browser app's client) logging in and refreshing against the packaged service. */
class PocketBaseSdkIT {

    @TempDir
    Path dir;

    @Test
    void pocketBaseSdkLogsInRefreshesAndSeesFailures() throws Exception {
        Path sdk = Files.createDirectories(dir.resolve("sdk"));
        for (String file : new String[] {"package.json", "package-lock.json", "sdk-login.mjs"}) {
            Files.copy(Path.of("src/test/js", file), sdk.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(0, run(sdk, "npm", "ci", "--no-audit", "--no-fund", "--silent"), "npm ci failed");

        Map<String, String> env = Map.of(
                "JOYSTICK_DATA_DIR", dir.resolve("data").toString(),
                "JOYSTICK_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'q'),
                "JOYSTICK_API_KEY", TestKeys.SERVICE_KEY,
                "JOYSTICK_ADMIN_EMAIL", "sdk@joystick.test",
                "JOYSTICK_ADMIN_PASSWORD", "sdk-admin-password");
        PackagedService.Launch launch = new PackagedService.Launch("auth-service", PackagedService.appJar(), dir, env);
        try (PackagedService service = PackagedService.start(launch)) {
            service.awaitReady(Duration.ofSeconds(60));
            Path out = dir.resolve("sdk-out.json");
            Process node = new ProcessBuilder("node", "sdk-login.mjs", service.url(),
                    "sdk@joystick.test", "sdk-admin-password").directory(sdk.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            node.getOutputStream().close();
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the SDK script hung");
            String output = Files.readString(out);
            assertEquals(0, node.exitValue(), output);

            JsonNode result = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
            assertEquals("sdk@joystick.test", result.get("loginEmail").asText(), output);
            assertTrue(result.get("storeValid").asBoolean(), "the SDK must consider the token valid: " + output);
            assertEquals(result.get("loginRecordId").asText(), result.get("storeRecordId").asText(), output);
            assertEquals(result.get("loginRecordId").asText(), result.get("refreshedRecordId").asText(), output);
            assertTrue(result.get("tokenChanged").asBoolean(), output);
            assertEquals(result.get("loginRecordId").asText(), result.get("reloginRecordId").asText(), output);
            assertEquals(400, result.get("wrongPasswordStatus").asInt(), output);
            assertEquals("Failed to authenticate.", result.get("wrongPasswordMessage").asText(), output);
        }
    }

    /**
     * Runs a command with its own stdin and its output in a log file, never the test JVM's: Node.js makes the
     * streams it inherits non-blocking, which breaks the pipe the test fork reads its commands from.
     */
    private static int run(Path dir, String... command) throws Exception {
        Path log = dir.resolve(command[0] + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        if (process.exitValue() != 0) {
            System.out.println(Files.readString(log));
        }
        return process.exitValue();
    }
}
