package io.joystick.device.terminal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.execution.OpenSshServer;
import io.joystick.device.execution.SshTarget;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The idle timeout and the resume window, shortened to seconds. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@TestProfile(ShortTerminalLimitsTest.ShortLimits.class)
class ShortTerminalLimitsTest {

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joystick.terminal.idle-timeout", "3s", "joystick.terminal.resume-window", "2s");
        }
    }

    static OpenSshServer sshd;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(Files.createTempDirectory("openssh-terminal-limits"));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        sshd.close();
    }

    @Test
    void closesAnIdleTerminal() throws Exception {
        String user = Fixtures.unique("ida");
        try (TerminalClient terminal = TerminalClient.open(device(user), Fixtures.user(user, TerminalTest.PERMISSION))) {
            terminal.session();
            assertTrue(terminal.awaitClose().startsWith("4408 Idle"), terminal.awaitClose());
        }
    }

    @Test
    void aReconnectAfterTheWindowFindsNoSession() throws Exception {
        String user = Fixtures.unique("late");
        String device = device(user);
        String token = Fixtures.user(user, TerminalTest.PERMISSION);
        String session;
        try (TerminalClient first = TerminalClient.open(device, token)) {
            session = first.sessionId();
        }
        Thread.sleep(4000); // past the 2 s window, and the check that follows it
        try (TerminalClient late = TerminalClient.resume(device, token, session)) {
            assertTrue(late.awaitClose().startsWith("4404 "), late.awaitClose());
        }
    }

    private static String device(String user) {
        SshTarget target = sshd.target("unused");
        return Fixtures.device(Fixtures.model(), Map.of("host", "127.0.0.1", "port", sshd.port(), "user", target.user(),
                "key", target.privateKeyPem()), user);
    }
}
