package io.joystick.device.execution.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final long MIB = 1024 * 1024;

    private final LocalExecutor executor = new LocalExecutor();

    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        executor.shutdown();
    }

    @Test
    void returnsOutputAndExitCodeOfTheCommand() {
        CommandResult result = executor.run("echo ok", TEN_SECONDS, MIB);

        assertEquals(new CommandResult(0, "ok\n", false, result.durationMs()), result);
        assertTrue(result.succeeded());
    }

    @Test
    void reportsANonZeroExitCode() {
        CommandResult result = executor.run("echo failing; exit 3", TEN_SECONDS, MIB);

        assertEquals(3, result.exitCode());
        assertEquals("failing\n", result.output());
        assertFalse(result.succeeded());
    }

    @Test
    void mergesStderrIntoTheOutput() {
        CommandResult result = executor.run("echo out; echo err >&2; echo out again", TEN_SECONDS, MIB);

        assertEquals("out\nerr\nout again\n", result.output());
    }

    @Test
    void capsTheOutputAndKeepsDrainingSoTheCommandStillFinishes() {
        // 5 MB through a 64 KiB pipe: the command only ends if the reader keeps consuming after the cap.
        CommandResult result = executor.run("head -c 5000000 /dev/zero | tr '\\0' a; exit 4", TEN_SECONDS, 1000);

        assertEquals(4, result.exitCode());
        assertEquals("a".repeat(1000), result.output());
        assertTrue(result.truncated());
    }

    @Test
    void outputExactlyAtTheLimitIsNotFlaggedTruncated() {
        CommandResult result = executor.run("printf 12345", TEN_SECONDS, 5);

        assertEquals("12345", result.output());
        assertFalse(result.truncated());
    }

    @Test
    void givesTheCommandAnEmptyStdin() {
        CommandResult result = executor.run("cat; echo after-cat", TEN_SECONDS, MIB);

        assertEquals("after-cat\n", result.output());
    }

    @Test
    void timeoutKillsTheWholeProcessTree() {
        String sleep = Processes.uniqueSleep(30);
        String command = "echo started; " + sleep + " & " + sleep + "; wait";

        // Left alone the command would end well after 30 s with exit code 0; a timeout is what stopped it.
        CommandTimeoutException e =
                assertThrows(CommandTimeoutException.class, () -> executor.run(command, Duration.ofSeconds(1), MIB));

        assertTrue(e.getMessage().contains("timed out after 1000 ms"), e.getMessage());
        await().atMost(Duration.ofSeconds(5)).until(() -> Processes.matching(sleep).isEmpty());
    }

    @Test
    void doesNotPassTheServicesSecretsToCommands() {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "PATH", "/usr/bin", "HOME", "/root", "LANG", "C.UTF-8", "JOYSTICK_DATA_DIR", "./data",
                "JOYSTICK_SECRET_KEY", "s", "QUARKUS_DATASOURCE_PASSWORD", "p", "JOYSTICK_API_KEY", "k",
                "JOYSTICK_API_KEYS", "k", "JOYSTICK_ADMIN_PASSWORD", "a", "GITHUB_TOKEN", "t"));

        LocalExecutor.withoutSecrets(environment);

        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/root", "LANG", "C.UTF-8", "JOYSTICK_DATA_DIR", "./data"),
                environment);
    }

    @Test
    void runsARenderedTemplateWithoutLettingParametersInjectCommands() throws Exception {
        Path canary = dir.resolve("canary");
        String template = "printf %s $msg; printf '|%s' \"$msg\" $device";
        String value = "$(touch " + canary + "); `touch " + canary + "` ' ; touch " + canary + " ; '";

        String command = CommandTemplate.render(template, Map.of("device", "cam-1"), Map.of("msg", value));
        CommandResult result = executor.run(command, TEN_SECONDS, MIB);

        assertEquals(value + "|" + value + "|cam-1", result.output());
        assertFalse(Files.exists(canary));
    }
}
