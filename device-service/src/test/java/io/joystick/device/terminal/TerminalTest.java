package io.joystick.device.terminal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.revocation.RevocationList;
import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.execution.OpenSshServer;
import io.joystick.device.execution.SshTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The web terminal end to end: a real WebSocket client, device-service, and OpenSSH's sshd on loopback. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class TerminalTest {

    static final String PERMISSION = "terminal-route";
    static OpenSshServer sshd;

    @Inject
    RevocationList revocations;

    @Inject
    TerminalAudit audit;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(Files.createTempDirectory("openssh-terminal"));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        sshd.close();
    }

    /** A device on the test sshd with these users on its allow-list. */
    static String device(String... allowed) {
        SshTarget target = sshd.target("unused");
        return Fixtures.device(Fixtures.model(), Map.of("host", "127.0.0.1", "port", sshd.port(), "user", target.user(),
                "key", target.privateKeyPem()), allowed);
    }

    @Test
    void echoesWhatIsTypedAndFollowsAResize() throws Exception {
        String user = Fixtures.unique("tina");
        String device = device(user);
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            assertFalse(terminal.session().getBoolean("resumed"));
            terminal.type("echo hello-$((40+2))\r");
            terminal.awaitOutput("hello-42");

            terminal.resize(132, 41);
            terminal.type("stty size\r");
            terminal.awaitOutput("41 132");
        }
    }

    @Test
    void ctrlCInterruptsASleep() throws Exception {
        String user = Fixtures.unique("carl");
        String device = device(user);
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            terminal.type("echo started-$((1+1)); sleep 600; echo after-$((3+3))\r");
            terminal.awaitOutput("started-2");
            terminal.type("\u0003");
            terminal.type("echo interrupted-$((5+5))\r");
            terminal.awaitOutput("interrupted-10");
            assertFalse(terminal.output().contains("after-6"), terminal.output());
        }
    }

    @Test
    void refusesTheUpgradeWithoutCredentialPermissionOrAllowList() throws Exception {
        String user = Fixtures.unique("ursula");
        String device = device(user);
        assertEquals(401, TerminalClient.refusal(TerminalClient.uri(device, null)));
        assertEquals(401, TerminalClient.refusal(TerminalClient.uri(device, "token=not-a-jwt")));
        assertEquals(403, TerminalClient.refusal(TerminalClient.uri(device, "token=" + Fixtures.user(user))));
        assertEquals(403, TerminalClient.refusal(TerminalClient.uri(device,
                "token=" + Fixtures.user(Fixtures.unique("stranger"), PERMISSION))));
        assertEquals(404, TerminalClient.refusal(TerminalClient.uri("no-such-device", "token=" + Fixtures.admin())));
    }

    @Test
    void aRevokedTokenClosesTheTerminal() throws Exception {
        String user = Fixtures.unique("rita");
        String device = device(user);
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            terminal.session();
            revocations.revokeUser(user, Instant.now().getEpochSecond() + 1);
            assertTrue(terminal.awaitClose().startsWith("4401 "), terminal.awaitClose());
        }
    }

    @Test
    void leavingTheAllowListClosesTheTerminal() throws Exception {
        String user = Fixtures.unique("lena");
        String device = device(user);
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            terminal.session();
            io.restassured.RestAssured.given().auth().oauth2(Fixtures.admin()).contentType("application/json")
                    .body(Map.of("allow", java.util.List.of())).put("/api/devices/" + device + "/allow").then().statusCode(200);
            assertTrue(terminal.awaitClose().startsWith("4403 "), terminal.awaitClose());
        }
    }

    @Test
    void aReconnectWithinTheWindowGetsTheOutputItMissed() throws Exception {
        String user = Fixtures.unique("rob");
        String device = device(user);
        String token = Fixtures.user(user, PERMISSION);
        String session;
        try (TerminalClient first = TerminalClient.open(device, token)) {
            session = first.sessionId();
            first.type("echo ready-$((1+2)); sleep 2; echo missed-$((7*6))\r");
            first.awaitOutput("ready-3");
        } // dropped without a close handshake
        Thread.sleep(3000); // the output arrives while no socket is attached
        try (TerminalClient second = TerminalClient.resume(device, token, session)) {
            assertTrue(second.session().getBoolean("resumed"));
            assertEquals(session, second.sessionId());
            second.awaitOutput("missed-42");
            second.type("echo still-$((2+2))\r");
            second.awaitOutput("still-4");
        }
    }

    @Test
    void anotherUserCannotAttachToTheSession() throws Exception {
        String owner = Fixtures.unique("olga");
        String other = Fixtures.unique("oscar");
        String device = device(owner, other);
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(owner, PERMISSION));
                TerminalClient intruder = TerminalClient.resume(device, Fixtures.user(other, PERMISSION),
                        terminal.sessionId())) {
            assertTrue(intruder.awaitClose().startsWith("4403 "), intruder.awaitClose());
            assertTrue(intruder.messages().isEmpty());
            terminal.type("echo mine-$((3+4))\r");
            terminal.awaitOutput("mine-7");
            assertFalse(terminal.isClosed());
        }
    }

    @Test
    void writesTheSessionToTheAuditTable() throws Exception {
        String user = Fixtures.unique("aude");
        String device = device(user);
        String session;
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            session = terminal.sessionId();
            terminal.type("echo audited-$((9+9))\r");
            terminal.awaitOutput("audited-18");
            terminal.type("exit\r");
            assertTrue(terminal.awaitClose().startsWith("1000 Shell exited with status 0"), terminal.awaitClose());
        }
        await().atMost(TerminalClient.SOON).until(() -> ended(session) != null);
        TerminalAuditEntry entry = ended(session);
        assertEquals(user, entry.userId);
        assertEquals(device, entry.deviceId);
        assertEquals("127.0.0.1", entry.host);
        assertEquals(sshd.port(), entry.port);
        assertNotNull(entry.clientAddress);
        assertTrue(entry.ended.compareTo(entry.started) >= 0);
        assertEquals("Shell exited with status 0", entry.endReason);
        assertTrue(entry.bytesIn >= "echo audited-$((9+9))\rexit\r".length(), "bytes in: " + entry.bytesIn);
        assertTrue(entry.bytesOut > 0);
    }

    @Test
    void limitsTheTerminalsOfOneUserOnOneDevice() throws Exception {
        String user = Fixtures.unique("max");
        String device = device(user);
        String token = Fixtures.user(user, PERMISSION);
        try (TerminalClient one = TerminalClient.open(device, token);
                TerminalClient two = TerminalClient.open(device, token);
                TerminalClient three = TerminalClient.open(device, token)) {
            one.session();
            two.session();
            three.session();
            try (TerminalClient fourth = TerminalClient.open(device, token)) {
                assertTrue(fourth.awaitClose().startsWith("4429 "), fourth.awaitClose());
            }
        }
    }

    @Test
    void forgettingTheHostKeysClosesTheTerminal() throws Exception {
        String user = Fixtures.unique("hank");
        String device = device(user);
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            terminal.session();
            io.restassured.RestAssured.given().auth().oauth2(Fixtures.admin()).delete("/api/devices/" + device + "/host-keys")
                    .then().statusCode(org.hamcrest.Matchers.lessThan(300));
            assertTrue(terminal.awaitClose().startsWith("4503 "), terminal.awaitClose());
        }
    }

    @Test
    void aTerminalWhoseReaderIsStuckDoesNotHoldUpAnother() throws Exception {
        String user = Fixtures.unique("flo");
        String device = device(user);
        String token = Fixtures.user(user, PERMISSION);
        TerminalClient flooding;
        TerminalClient.stalled = true;
        try {
            flooding = TerminalClient.open(device, token);
        } finally {
            TerminalClient.stalled = false;
        }
        try (flooding; TerminalClient other = TerminalClient.open(device, token)) {
            flooding.session();
            flooding.type("cat /dev/zero | base64\r");
            other.session();
            for (int i = 0; i < 5; i++) {
                other.type("echo beside-" + i + "-$((" + i + "*11))\r");
                other.awaitOutput("beside-" + i + "-" + (i * 11));
            }
            assertFalse(flooding.isClosed());
        }
    }

    private TerminalAuditEntry ended(String id) {
        return QuarkusTransaction.requiringNew().call(() -> audit.findByIdOptional(id).filter(e -> e.ended != null).orElse(null));
    }
}
