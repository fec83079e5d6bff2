package io.joystick.device.execution.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against OpenSSH's sshd, the server real devices run: it must be installed
 * (/usr/sbin/sshd); without it these tests fail rather than skip.
 */
class OpenSshExecutorTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static InMemoryHostKeyStore hostKeys;
    static SshExecutor executor;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(dir);
        hostKeys = new InMemoryHostKeyStore();
        executor = new SshExecutor(TestSshConfig.defaults(), hostKeys);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (executor != null) {
            executor.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void runsEchoWithAnEd25519KeyAndPinsTheEd25519HostKey() throws Exception {
        CommandResult result = executor.run(sshd.target("edge-1"), "echo ok", TEN_SECONDS, MIB);

        assertEquals(new CommandResult(0, "ok\n", false, result.durationMs()), result);
        String hostPublicKey = Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).trim();
        String pinned = hostKeys.pinned(sshd.target("edge-1")).orElseThrow();
        assertTrue(pinned.startsWith("ssh-ed25519 "), pinned);
        assertTrue(hostPublicKey.startsWith(pinned.split(" ")[0] + " " + pinned.split(" ")[1]), pinned);
    }

    @Test
    void reportsExitCodeAndMergedStderr() {
        CommandResult result = executor.run(sshd.target("edge-2"), "echo out; echo err >&2; exit 5", TEN_SECONDS, MIB);

        assertEquals(5, result.exitCode());
        assertTrue(result.output().contains("out\n") && result.output().contains("err\n"), result.output());
    }

    @Test
    void hostileParameterValuesCannotRunCommandsOnTheDevice() {
        Path canary = dir.resolve("canary");
        for (String value : List.of("; touch " + canary, "$(touch " + canary + ")", "`touch " + canary + "`",
                "' ; touch " + canary + " ; '", "x\ntouch " + canary, "x && touch " + canary, "x | touch " + canary,
                "*")) {
            String command = CommandTemplate.render("printf %s $msg; printf '|%s' \"$msg\"", Map.of("device", "edge-3"),
                    Map.of("msg", value));

            CommandResult result = executor.run(sshd.target("edge-3"), command, TEN_SECONDS, MIB);

            assertEquals(value + "|" + value, result.output(), command);
            assertFalse(Files.exists(canary), "a command ran: " + command);
        }
    }

    @Test
    void timeoutKillsTheRemoteProcess() throws Exception {
        RemoteTimeouts.assertTimeoutKillsRemoteSleep(executor, sshd.target("edge-4"));

        assertEquals("ok\n", executor.run(sshd.target("edge-4"), "echo ok", TEN_SECONDS, MIB).output());
    }

    @Test
    void runsConcurrentCommandsOverOnePooledConnection() throws Exception {
        SshTarget target = sshd.target("edge-5");
        executor.run(target, "true", TEN_SECONDS, MIB);
        long loginsBefore = logins();

        List<CompletableFuture<CommandResult>> runs = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture
                        .supplyAsync(() -> executor.run(target, "echo " + i, Duration.ofSeconds(60), MIB)))
                .toList();
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(i + "\n", runs.get(i).get().output());
        }

        assertEquals(loginsBefore, logins());
        assertEquals(1, executor.pooledSessions("edge-5").size());
    }

    @Test
    void refusesAKeyTheDeviceDoesNotAuthorize() throws Exception {
        TestKeys stranger = TestKeys.generate(dir, "stranger", "-t", "ed25519");
        SshTarget target = new SshTarget("edge-6", "127.0.0.1", sshd.port(), System.getProperty("user.name"), null,
                stranger.privateKey());

        DeviceAuthenticationException e = assertThrows(DeviceAuthenticationException.class,
                () -> executor.run(target, "true", TEN_SECONDS, MIB));

        assertTrue(e.getMessage().startsWith("SSH authentication refused by device edge-6"), e.getMessage());
    }

    private static long logins() throws Exception {
        return sshd.log().lines().filter(line -> line.startsWith("Accepted publickey")).count();
    }
}
