package io.joystick.device.execution.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.joystick.auth.testapp.LogCapture;

/** {@link SshExecutor} against a real MINA SSH server on 127.0.0.1 running real processes. */
class SshExecutorTest {

    private static final String DEVICE = "cam-1";
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path keyDir;
    static TestKeys ed25519Key;
    static TestKeys rsaPemKey;

    @TempDir
    Path dir;

    private MinaSshServer server;
    private InMemoryHostKeyStore hostKeys;
    private SshExecutor executor;

    @BeforeAll
    static void generateKeys() throws Exception {
        ed25519Key = TestKeys.generate(keyDir, "id_ed25519", "-t", "ed25519");
        rsaPemKey = TestKeys.generate(keyDir, "id_rsa", "-t", "rsa", "-b", "2048", "-m", "PEM");
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new MinaSshServer(ed25519Key.publicKey(), rsaPemKey.publicKey()).start();
        hostKeys = new InMemoryHostKeyStore();
        executor = new SshExecutor(TestSshConfig.defaults(), hostKeys);
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        server.close();
    }

    private SshTarget withPassword(String password) {
        return new SshTarget(DEVICE, "127.0.0.1", server.port(), MinaSshServer.USER, password, null);
    }

    private SshTarget withKey(TestKeys key) {
        return new SshTarget(DEVICE, "127.0.0.1", server.port(), MinaSshServer.USER, null, key.privateKey());
    }

    private SshTarget target() {
        return withPassword(MinaSshServer.PASSWORD);
    }

    @Test
    void runsACommandWithPasswordLogin() {
        CommandResult result = executor.run(target(), "echo ok", TEN_SECONDS, MIB);

        assertEquals(0, result.exitCode());
        assertEquals("ok\n", result.output());
        assertFalse(result.truncated());
    }

    @Test
    void logsInWithAnEd25519KeyInOpenSshFormat() {
        assertTrue(ed25519Key.privateKey().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));

        assertEquals("ok\n", executor.run(withKey(ed25519Key), "echo ok", TEN_SECONDS, MIB).output());
    }

    @Test
    void logsInWithAnRsaKeyInPemFormat() {
        assertTrue(rsaPemKey.privateKey().startsWith("-----BEGIN RSA PRIVATE KEY-----"));

        assertEquals("ok\n", executor.run(withKey(rsaPemKey), "echo ok", TEN_SECONDS, MIB).output());
    }

    @Test
    void reportsTheRemoteExitCode() {
        CommandResult result = executor.run(target(), "echo partial; exit 7", TEN_SECONDS, MIB);

        assertEquals(7, result.exitCode());
        assertEquals("partial\n", result.output());
    }

    @Test
    void mergesStderrIntoTheOutput() {
        CommandResult result = executor.run(target(), "echo out; echo err >&2", TEN_SECONDS, MIB);

        assertTrue(result.output().contains("out\n") && result.output().contains("err\n"), result.output());
        assertEquals(8, result.output().length());
    }

    @Test
    void capsLargeOutputAndStillLetsTheCommandFinish() {
        CommandResult result =
                executor.run(target(), "head -c 5000000 /dev/zero | tr '\\0' a; exit 3", TEN_SECONDS, 1000);

        assertEquals(3, result.exitCode());
        assertEquals("a".repeat(1000), result.output());
        assertTrue(result.truncated());
    }

    @Test
    void givesTheRemoteCommandAnEmptyStdin() {
        assertEquals("after-cat\n", executor.run(target(), "cat; echo after-cat", TEN_SECONDS, MIB).output());
    }

    @Test
    void timeoutKillsTheRemoteCommandAndKeepsTheSessionUsable() throws Exception {
        RemoteTimeouts.assertTimeoutKillsRemoteSleep(executor, target());

        assertEquals("ok\n", executor.run(target(), "echo ok", TEN_SECONDS, MIB).output());
        assertEquals(1, server.sessionsCreated());
    }

    @Test
    void reusesOnePooledSessionForManyRuns() {
        for (int i = 0; i < 5; i++) {
            assertEquals(i + "\n", executor.run(target(), "echo " + i, TEN_SECONDS, MIB).output());
        }
        List<ClientSession> pooled = executor.pooledSessions(DEVICE);

        executor.run(target(), "true", TEN_SECONDS, MIB);

        assertEquals(1, server.sessionsCreated());
        assertEquals(1, pooled.size());
        assertSame(pooled.get(0), executor.pooledSessions(DEVICE).get(0));
    }

    @Test
    void reconnectsTransparentlyAfterTheServerDroppedTheSession() {
        executor.run(target(), "true", TEN_SECONDS, MIB);
        ClientSession first = executor.pooledSessions(DEVICE).get(0);

        server.dropSessions();
        CommandResult result = executor.run(target(), "echo again", TEN_SECONDS, MIB);

        assertEquals("again\n", result.output());
        assertEquals(2, server.sessionsCreated());
        assertNotSame(first, executor.pooledSessions(DEVICE).get(0));
    }

    @Test
    void reconnectsTransparentlyAfterTheServerRestarted() throws Exception {
        executor.run(target(), "true", TEN_SECONDS, MIB);

        server.restart();

        assertEquals("back\n", executor.run(target(), "echo back", TEN_SECONDS, MIB).output());
    }

    @Test
    void reconnectsWhenThePooledSessionsLinkDiedSilently() throws Exception {
        SshExecutor quickToGiveUp =
                new SshExecutor(TestSshConfig.defaults().withConnectTimeout(Duration.ofSeconds(1)), hostKeys);
        try (DeviceLinkProxy link = new DeviceLinkProxy(server.port())) {
            SshTarget viaLink =
                    new SshTarget(DEVICE, "127.0.0.1", link.port(), MinaSshServer.USER, MinaSshServer.PASSWORD, null);
            quickToGiveUp.run(viaLink, "true", TEN_SECONDS, MIB);
            ClientSession stale = quickToGiveUp.pooledSessions(DEVICE).get(0);

            link.freezeExistingConnections();
            CommandResult result = quickToGiveUp.run(viaLink, "echo over a new connection", TEN_SECONDS, MIB);

            assertEquals("over a new connection\n", result.output());
            assertTrue(stale.isOpen() || stale.isClosing(), "the stale session had not noticed anything");
            assertNotSame(stale, quickToGiveUp.pooledSessions(DEVICE).get(0));
            assertEquals(2, server.sessionsCreated());
        } finally {
            quickToGiveUp.close();
        }
    }

    @Test
    void opensSeparateSessionsForAnotherSlotHostOrChangedCredentials() {
        executor.run(target(), "true", TEN_SECONDS, MIB);
        executor.run(
                new SshTarget(DEVICE, "localhost", server.port(), MinaSshServer.USER, MinaSshServer.PASSWORD, null),
                "true", TEN_SECONDS, MIB);
        executor.run(withKey(ed25519Key), "true", TEN_SECONDS, MIB);
        executor.run(target(), "true", TEN_SECONDS, MIB);

        assertEquals(3, server.sessionsCreated());
        assertEquals(3, executor.pooledSessions(DEVICE).size());
    }

    @Test
    void pinsTheHostKeyOnFirstUse() {
        assertEquals(Optional.empty(), hostKeys.pinned(target()));

        executor.run(target(), "true", TEN_SECONDS, MIB);

        assertEquals(Optional.of(PublicKeyEntry.toString(server.hostKey())), hostKeys.pinned(target()));
    }

    @Test
    void pinsEachSlotAddressOfADeviceSeparately() throws Exception {
        try (MinaSshServer secondSlot = new MinaSshServer().start()) {
            SshTarget secondary = new SshTarget(DEVICE, "127.0.0.1", secondSlot.port(), MinaSshServer.USER,
                    MinaSshServer.PASSWORD, null);

            executor.run(target(), "true", TEN_SECONDS, MIB);
            assertEquals("ok\n", executor.run(secondary, "echo ok", TEN_SECONDS, MIB).output());

            assertEquals(2, hostKeys.size());
            assertEquals(PublicKeyEntry.toString(secondSlot.hostKey()), hostKeys.pinned(secondary).orElseThrow());
        }
    }

    @Test
    void refusesAKeyWhenAnotherConnectionPinnedADifferentOneFirst() throws Exception {
        String pinnedFirst = PublicKeyEntry.toString(ed25519Key.publicKey()); // any key but the server's
        HostKeyStore lostTheRace = new HostKeyStore() {
            @Override
            public Optional<String> pinned(SshTarget target) {
                return Optional.empty(); // read before the other connection's pin
            }

            @Override
            public String pin(SshTarget target, String publicKeyOpenSshLine) {
                return pinnedFirst;
            }
        };
        SshExecutor racing = new SshExecutor(TestSshConfig.defaults(), lostTheRace);
        try {
            // refused, and nothing ran (seen once as "handshake failed" rather than a mismatch: the refusal is what counts)
            assertThrows(ExecutionException.class, () -> racing.run(target(), "echo should-not-run", TEN_SECONDS, MIB));
            assertEquals(0, server.maxOpenChannels());
        } finally {
            racing.close();
        }
    }

    @Test
    void refusesAChangedHostKeyUntilThePinIsCleared() throws Exception {
        executor.run(target(), "true", TEN_SECONDS, MIB);
        String pinned = hostKeys.pinned(target()).orElseThrow();

        server.restartWithNewHostKey();
        HostKeyMismatchException e = assertThrows(HostKeyMismatchException.class,
                () -> executor.run(target(), "echo should-not-run", TEN_SECONDS, MIB));

        assertTrue(e.getMessage().startsWith("Host key for device cam-1 at 127.0.0.1:" + server.port() + " changed;"),
                e.getMessage());
        assertEquals(pinned, hostKeys.pinned(target()).orElseThrow());
        assertThrows(HostKeyMismatchException.class, () -> executor.run(target(), "true", TEN_SECONDS, MIB));

        hostKeys.clear(DEVICE);
        assertEquals("ok\n", executor.run(target(), "echo ok", TEN_SECONDS, MIB).output());
        assertEquals(PublicKeyEntry.toString(server.hostKey()), hostKeys.pinned(target()).orElseThrow());
    }

    @Test
    void refusesToConnectWhenTheHostKeyStoreFails() {
        HostKeyStore broken = new HostKeyStore() {
            @Override
            public Optional<String> pinned(SshTarget target) {
                throw new IllegalStateException("database down");
            }

            @Override
            public String pin(SshTarget target, String line) {
                throw new IllegalStateException("database down");
            }
        };
        SshExecutor withoutStore = new SshExecutor(TestSshConfig.defaults(), broken);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> withoutStore.run(target(), "echo should-not-run", TEN_SECONDS, MIB));

            assertEquals("database down", e.getMessage());
            assertEquals(0, server.openChannels());
            assertEquals(0, server.maxOpenChannels());
        } finally {
            withoutStore.close();
        }
    }

    @Test
    void refusedPasswordGivesAClearErrorWithoutTheSecretInMessagesOrLogs() {
        String wrongPassword = "Wr0ng-Secret-Pa55-917";
        SshTarget target = withPassword(wrongPassword);

        DeviceAuthenticationException e;
        List<String> logLines;
        try (LogCapture logs = LogCapture.everyLevel()) {
            e = assertThrows(DeviceAuthenticationException.class, () -> executor.run(target, "true", TEN_SECONDS, MIB));
            logLines = logs.lines().stream().map(LogCapture.Line::text).toList();
        }

        assertEquals("SSH authentication refused by device cam-1 for user 'operator' (tried password)", e.getMessage());
        assertFalse(target.toString().contains(wrongPassword));
        assertTrue(logLines.stream().anyMatch(line -> line.toLowerCase().contains("auth")),
                "the capture saw MINA's authentication logging");
        assertTrue(logLines.stream().noneMatch(line -> line.contains(wrongPassword)),
                () -> "secret in log: " + logLines.stream().filter(l -> l.contains(wrongPassword)).toList());
    }

    @Test
    void refusedKeyIsAnAuthenticationErrorWithoutTheKeyInTheMessage() throws Exception {
        TestKeys unknown = TestKeys.generate(dir, "unknown", "-t", "ed25519");

        DeviceAuthenticationException e = assertThrows(DeviceAuthenticationException.class,
                () -> executor.run(withKey(unknown), "true", TEN_SECONDS, MIB));

        assertEquals("SSH authentication refused by device cam-1 for user 'operator' (tried private key)",
                e.getMessage());
    }

    @Test
    void unreadableKeyIsAnAuthenticationErrorThatDoesNotQuoteTheKey() {
        String garbage =
                "-----BEGIN OPENSSH PRIVATE KEY-----\nTm90QUtleVNlY3JldE1hdGVyaWFs\n-----END OPENSSH PRIVATE KEY-----\n";
        SshTarget target = new SshTarget(DEVICE, "127.0.0.1", server.port(), MinaSshServer.USER, null, garbage);

        DeviceAuthenticationException e = assertThrows(DeviceAuthenticationException.class,
                () -> executor.run(target, "true", TEN_SECONDS, MIB));

        assertTrue(e.getMessage().contains("private key configured for device cam-1 cannot be read"), e.getMessage());
        assertFalse(e.getMessage().contains("Tm90QUtl"));
        assertEquals(0, server.sessionsCreated());
    }

    @Test
    void deviceWithoutCredentialsIsAnAuthenticationError() {
        assertThrows(DeviceAuthenticationException.class,
                () -> executor.run(withPassword(null), "true", TEN_SECONDS, MIB));
    }

    @Test
    void closedPortIsReportedUnreachableRatherThanTimedOut() throws Exception {
        int closedPort = OpenSshServer.freePort();
        SshTarget target = new SshTarget(DEVICE, "127.0.0.1", closedPort, "u", "p", null);

        // Waiting out the run's 60 s would end in a CommandTimeoutException instead.
        DeviceUnreachableException e = assertThrows(DeviceUnreachableException.class,
                () -> executor.run(target, "true", Duration.ofSeconds(60), MIB));

        assertTrue(e.getMessage().startsWith("Device cam-1 unreachable at 127.0.0.1:" + closedPort), e.getMessage());
        assertTrue(e instanceof ExecutionException);
    }

    @Test
    void serverThatNeverSpeaksSshIsReportedUnreachableAfterTheLoginTimeout() throws Exception {
        SshExecutor impatient =
                new SshExecutor(TestSshConfig.defaults().withAuthTimeout(Duration.ofSeconds(1)), hostKeys);
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SshTarget target = new SshTarget(DEVICE, "127.0.0.1", silent.getLocalPort(), "u", "p", null);

            DeviceUnreachableException e = assertThrows(DeviceUnreachableException.class,
                    () -> impatient.run(target, "true", Duration.ofSeconds(60), MIB));

            assertTrue(e.getMessage().contains("SSH login did not complete within 1000 ms"), e.getMessage());
        } finally {
            impatient.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void boundsConcurrentCommandsPerDevice() throws Exception {
        SshExecutor bounded = new SshExecutor(TestSshConfig.defaults().withMaxConcurrentPerDevice(2), hostKeys);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        Path release = dir.resolve("release");
        String blocking = "while [ ! -e '" + release + "' ]; do sleep 0.05; done; echo released";
        try {
            List<CompletableFuture<CommandResult>> running = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                running.add(CompletableFuture
                        .supplyAsync(() -> bounded.run(target(), blocking, Duration.ofSeconds(60), MIB), threads));
            }
            await().atMost(TEN_SECONDS).until(() -> server.openChannels() == 2);

            CommandTimeoutException e = assertThrows(CommandTimeoutException.class,
                    () -> bounded.run(target(), "echo queued", Duration.ofSeconds(1), MIB));
            assertTrue(e.getMessage().contains("at most 2 commands run on a device at once"), e.getMessage());
            assertEquals(2, server.maxOpenChannels());

            Files.createFile(release);
            for (CompletableFuture<CommandResult> run : running) {
                assertEquals("released\n", run.get(30, TimeUnit.SECONDS).output());
            }
            assertEquals(2, server.maxOpenChannels());
            assertEquals(1, server.sessionsCreated());
        } finally {
            threads.shutdownNow();
            bounded.close();
        }
    }

    @Test
    void evictClosesTheDevicesPooledSession() {
        executor.run(target(), "true", TEN_SECONDS, MIB);

        executor.evict(DEVICE);

        assertTrue(executor.pooledSessions(DEVICE).isEmpty());
        await().atMost(TEN_SECONDS).until(() -> server.activeSessions() == 0);
        executor.run(target(), "true", TEN_SECONDS, MIB);
        assertEquals(2, server.sessionsCreated());
    }

    @Test
    void closesSessionsIdleLongerThanTheIdleTimeout() {
        SshExecutor shortIdle =
                new SshExecutor(TestSshConfig.defaults().withIdleTimeout(Duration.ofMillis(1)), hostKeys);
        try {
            shortIdle.run(target(), "true", TEN_SECONDS, MIB);

            await().atMost(TEN_SECONDS).until(() -> {
                shortIdle.closeIdleSessions();
                return shortIdle.pooledSessions(DEVICE).isEmpty();
            });

            await().atMost(TEN_SECONDS).until(() -> server.activeSessions() == 0);
        } finally {
            shortIdle.close();
        }
    }

    @Test
    void keepsSessionsUsedWithinTheIdleTimeout() {
        executor.run(target(), "true", TEN_SECONDS, MIB);

        executor.closeIdleSessions();

        assertEquals(1, executor.pooledSessions(DEVICE).size());
        assertEquals(1, server.activeSessions());
    }

    @Test
    void shutdownClosesAllSessions() {
        executor.run(target(), "true", TEN_SECONDS, MIB);

        executor.close();

        await().atMost(TEN_SECONDS).until(() -> server.activeSessions() == 0);
    }

    @Test
    void renderedTemplatesCannotInjectCommandsOverSsh() {
        Path canary = dir.resolve("canary");
        String value = "$(touch " + canary + "); `touch " + canary + "` ' ; touch " + canary + " ; '\n touch " + canary;

        String command = CommandTemplate.render("printf %s $msg", Map.of("device", DEVICE), Map.of("msg", value));
        CommandResult result = executor.run(target(), command, TEN_SECONDS, MIB);

        assertEquals(value, result.output());
        assertFalse(Files.exists(canary));
    }
}
