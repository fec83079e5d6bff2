package io.joystick.device.terminal.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.revocation.RevocationList;
import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.TestKeys;
import io.joystick.device.Fixtures;
import io.joystick.device.execution.service.DeviceLinkProxy;
import io.joystick.device.execution.service.OpenSshServer;
import io.joystick.device.execution.service.SshTarget;
import io.joystick.device.terminal.repository.TerminalAudit;
import io.joystick.device.terminal.repository.TerminalAuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

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
        return device(Fixtures.model(), sshd.port(), allowed);
    }

    static String device(String model, int port, String... allowed) {
        SshTarget target = sshd.target("unused");
        return Fixtures.device(model, Map.of("host", "127.0.0.1", "port", port, "user", target.user(),
                "key", target.privateKeyPem()), allowed);
    }

    /** A model whose terminals are recorded. */
    static String recordingModel() {
        return RestAssured.given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("recorded"), "recordTerminal", true)).post("/api/models")
                .then().statusCode(201).extract().path("id");
    }

    /** A token with terminal-route that expires in a few seconds. */
    static String shortToken(String user, int seconds) {
        return JwksFileAuth.sign(TestKeys.claims(user, Set.of(PERMISSION))
                .expiresAt(Instant.now().getEpochSecond() + seconds));
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
                    .body(Map.of("allow", java.util.List.of())).put("/api/devices/" + device + "/allow").then()
                    .statusCode(200);
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
            io.restassured.RestAssured.given().auth().oauth2(Fixtures.admin())
                    .delete("/api/devices/" + device + "/host-keys")
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

    @Test
    void recordsTheOutputOfATerminalOnARecordingModelButNotWhatIsTyped() throws Exception {
        String user = Fixtures.unique("rec");
        String device = device(recordingModel(), sshd.port(), user);
        String session;
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            session = terminal.sessionId();
            terminal.type("echo recorded-$((6*7))\r");
            terminal.awaitOutput("recorded-42");
            terminal.type("read -s -p \"secret-$((1+2)): \" s; echo; echo length-$((${#s}+0))\r");
            terminal.awaitOutput("secret-3: ");
            terminal.type("hunter2-not-echoed\r");
            terminal.awaitOutput("length-18");
            terminal.type("exit\r");
            terminal.awaitClose();
        }
        await().atMost(TerminalClient.SOON).until(() -> ended(session) != null);
        String transcript = RestAssured.given().auth().oauth2(Fixtures.admin())
                .get("/api/terminal/sessions/" + session + "/transcript").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
        assertTrue(transcript.contains("recorded-42"), transcript);
        assertTrue(transcript.contains("length-18"), transcript);
        assertFalse(transcript.contains("hunter2"), transcript);
        assertFalse(transcript.contains("[Transcript truncated"), transcript);
        TerminalAuditEntry entry = ended(session);
        assertTrue(entry.recorded);
        assertFalse(entry.transcriptTruncated);
        assertEquals(entry.bytesOut, entry.transcriptBytes);
    }

    @Test
    void onlyAdminsReadSessionsAndTranscripts() throws Exception {
        String user = Fixtures.unique("peek");
        String device = device(recordingModel(), sshd.port(), user);
        String token = Fixtures.user(user, PERMISSION);
        String session;
        try (TerminalClient terminal = TerminalClient.open(device, token)) {
            session = terminal.sessionId();
            terminal.type("echo peek-$((2*2))\r");
            terminal.awaitOutput("peek-4");
        }
        for (String path : List.of("/api/terminal/sessions", "/api/terminal/sessions/" + session,
                "/api/terminal/sessions/" + session + "/transcript")) {
            RestAssured.given().get(path).then().statusCode(401);
            RestAssured.given().auth().oauth2(token).get(path).then().statusCode(403);
            RestAssured.given().auth().oauth2(Fixtures.user(user, PERMISSION, "fleet-route")).get(path).then()
                    .statusCode(403);
            RestAssured.given().header("X-API-Key", TestKeys.SERVICE_KEY).get(path).then().statusCode(403);
        }
        RestAssured.given().auth().oauth2(Fixtures.admin()).get("/api/terminal/sessions/" + session + "/transcript")
                .then().statusCode(200);
    }

    @Test
    void aTerminalOfAModelThatDoesNotRecordHasNoTranscript() throws Exception {
        String user = Fixtures.unique("plain");
        String device = device(user);
        String session;
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            session = terminal.sessionId();
            terminal.type("echo plain-$((1+1))\r");
            terminal.awaitOutput("plain-2");
        }
        RestAssured.given().auth().oauth2(Fixtures.admin()).get("/api/terminal/sessions/" + session + "/transcript")
                .then().statusCode(404);
        RestAssured.given().auth().oauth2(Fixtures.admin()).get("/api/terminal/sessions/no-such-session/transcript")
                .then().statusCode(404);
        RestAssured.given().auth().oauth2(Fixtures.admin()).get("/api/terminal/sessions/" + session)
                .then().statusCode(200).body("recorded", org.hamcrest.Matchers.is(false));
    }

    @Test
    void listsTheAuditRowsForAdminsByDeviceUserAndTime() throws Exception {
        String user = Fixtures.unique("list");
        String device = device(user);
        Instant before = Instant.now().minusSeconds(1);
        String session;
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            session = terminal.sessionId();
            terminal.type("echo listed-$((3*3))\r");
            terminal.awaitOutput("listed-9");
            terminal.type("exit\r");
            terminal.awaitClose();
        }
        await().atMost(TerminalClient.SOON).until(() -> ended(session) != null);
        io.restassured.path.json.JsonPath page = RestAssured.given().auth().oauth2(Fixtures.admin())
                .queryParam("device", device).queryParam("user", user).queryParam("from", before.toString())
                .get("/api/terminal/sessions").then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getInt("totalItems"));
        assertEquals(session, page.getString("items[0].id"));
        assertEquals(user, page.getString("items[0].userId"));
        assertEquals(device, page.getString("items[0].deviceId"));
        assertEquals("127.0.0.1", page.getString("items[0].host"));
        assertNotNull(page.getString("items[0].clientAddress"));
        assertNotNull(page.getString("items[0].started"));
        assertNotNull(page.getString("items[0].ended"));
        assertEquals("Shell exited with status 0", page.getString("items[0].endReason"));
        assertTrue(page.getLong("items[0].bytesIn") > 0);
        assertTrue(page.getLong("items[0].bytesOut") > 0);
        RestAssured.given().auth().oauth2(Fixtures.admin()).queryParam("device", device)
                .queryParam("to", before.toString())
                .get("/api/terminal/sessions").then().statusCode(200).body("totalItems", org.hamcrest.Matchers.is(0));
        RestAssured.given().auth().oauth2(Fixtures.admin()).queryParam("from", "yesterday")
                .get("/api/terminal/sessions")
                .then().statusCode(400);
    }

    @Test
    void anExpiredTokenClosesTheTerminal() throws Exception {
        String user = Fixtures.unique("exp");
        String device = device(user);
        try (TerminalClient terminal = TerminalClient.open(device, shortToken(user, 4))) {
            terminal.session();
            assertTrue(terminal.awaitClose().startsWith("4401 "), terminal.awaitClose());
        }
    }

    @Test
    void aResumeWithAFreshTokenOutlivesTheFirstToken() throws Exception {
        String user = Fixtures.unique("fresh");
        String device = device(user);
        String session;
        long firstExpires = Instant.now().getEpochSecond() + 10;
        try (TerminalClient first = TerminalClient.open(device, shortToken(user, 10))) {
            session = first.sessionId();
        }
        try (TerminalClient second = TerminalClient.resume(device, Fixtures.user(user, PERMISSION), session)) {
            assertTrue(second.session().getBoolean("resumed"));
            // past the first token's expiry and the check after it
            Thread.sleep(Math.max(0, (firstExpires + 2) * 1000 - System.currentTimeMillis()));
            second.type("echo renewed-$((4+4))\r");
            second.awaitOutput("renewed-8");
            assertFalse(second.isClosed());
        }
    }

    @Test
    void losingThePermissionClosesTheTerminalAndRefusesItsResume() throws Exception {
        String user = Fixtures.unique("perm");
        String device = device(user);
        try (TerminalClient terminal = TerminalClient.open(device, Fixtures.user(user, PERMISSION))) {
            String session = terminal.sessionId();
            // auth-service revokes every token of a user whose permissions change
            revocations.revokeUser(user, Instant.now().getEpochSecond() + 1);
            assertTrue(terminal.awaitClose().startsWith("4401 "), terminal.awaitClose());
            Thread.sleep(2100); // a token issued after the revocation
            String withoutPermission = Fixtures.user(user);
            assertEquals(403, TerminalClient
                    .refusal(TerminalClient.uri(device, "token=" + withoutPermission + "&session=" + session)));
        }
    }

    @Test
    void aChangedHostKeyClosesTheTerminal() throws Exception {
        String user = Fixtures.unique("rekey");
        try (OpenSshServer reinstalled = OpenSshServer.start(Files.createTempDirectory("openssh-reinstalled"));
                DeviceLinkProxy link = new DeviceLinkProxy(sshd.port())) {
            String device = device(Fixtures.model(), link.port(), user);
            String token = Fixtures.user(user, PERMISSION);
            try (TerminalClient terminal = TerminalClient.open(device, token)) {
                terminal.type("echo before-$((5+5))\r");
                terminal.awaitOutput("before-10");
                // the old connection goes silent and the device comes back re-installed, with a new host key
                link.freezeExistingConnections();
                link.switchTo(reinstalled.port());
                try (TerminalClient another = TerminalClient.open(device, token)) {
                    assertTrue(another.awaitClose().startsWith("4503 "), another.awaitClose());
                }
                assertTrue(terminal.awaitClose().startsWith("4503 The device's SSH host key changed"),
                        terminal.awaitClose());
            }
        }
    }

    @Test
    void aFloodOfFiftyMebibytesReachesItsTerminalWhileAnotherKeepsEchoing() throws Exception {
        String user = Fixtures.unique("cat");
        String device = device(user);
        String token = Fixtures.user(user, PERMISSION);
        Path big = Files.createTempFile("terminal-flood", ".txt");
        try (java.io.OutputStream out = Files.newOutputStream(big)) {
            byte[] line = ("x".repeat(1023) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 50 * 1024; i++) {
                out.write(line);
            }
        }
        TerminalClient flooding;
        TerminalClient.counting = true;
        try {
            flooding = TerminalClient.open(device, token);
        } finally {
            TerminalClient.counting = false;
        }
        try (flooding; TerminalClient other = TerminalClient.open(device, token)) {
            String session = flooding.sessionId();
            flooding.type("cat " + big + "; echo flood-$((6*7))-done\r");
            await().atMost(TerminalClient.SOON).until(() -> flooding.countedChars() > 1024 * 1024);
            other.session();
            for (int i = 0; i < 5; i++) {
                other.type("echo beside-" + i + "-$((" + i + "*11))\r");
                other.awaitOutput("beside-" + i + "-" + (i * 11));
            }
            flooding.awaitTail("flood-42-done", Duration.ofMinutes(3));
            assertTrue(flooding.countedChars() > 50L * 1024 * 1024, "received " + flooding.countedChars());
            flooding.type("exit\r");
            flooding.awaitClose();
            await().atMost(TerminalClient.SOON).until(() -> ended(session) != null);
            assertTrue(ended(session).bytesOut > 50L * 1024 * 1024, "bytes out " + ended(session).bytesOut);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private TerminalAuditEntry ended(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> audit.findByIdOptional(id).filter(e -> e.ended != null).orElse(null));
    }
}
