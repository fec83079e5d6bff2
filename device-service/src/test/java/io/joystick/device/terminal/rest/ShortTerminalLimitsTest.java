package io.joystick.device.terminal.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.execution.service.OpenSshServer;
import io.joystick.device.execution.service.SshTarget;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The idle timeout and the resume window, shortened to seconds, and a transcript cap of 4 KiB. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@TestProfile(ShortTerminalLimitsTest.ShortLimits.class)
class ShortTerminalLimitsTest {

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("joystick.terminal.idle-timeout", "3s", "joystick.terminal.resume-window", "2s",
                    "joystick.terminal.transcript-max-bytes", "4096");
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
        try (TerminalClient terminal =
                TerminalClient.open(device(user), Fixtures.user(user, TerminalTest.PERMISSION))) {
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

    @Test
    void aTranscriptStopsAtItsCapAndSaysSo() throws Exception {
        String user = Fixtures.unique("long");
        String model = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("recorded"), "recordTerminal", true)).post("/api/models")
                .then().statusCode(201).extract().path("id");
        String session;
        try (TerminalClient terminal =
                TerminalClient.open(device(model, user), Fixtures.user(user, TerminalTest.PERMISSION))) {
            session = terminal.sessionId();
            terminal.type("head -c 20000 /dev/zero | tr '\\0' y; echo; echo past-the-cap-$((8*8))\r");
            terminal.awaitOutput("past-the-cap-64");
            terminal.type("exit\r");
            terminal.awaitClose();
        }
        await().atMost(TerminalClient.SOON).until(() -> given().auth().oauth2(Fixtures.admin())
                .get("/api/terminal/sessions/" + session).then().extract().path("ended") != null);
        given().auth().oauth2(Fixtures.admin()).get("/api/terminal/sessions/" + session).then().statusCode(200)
                .body("recorded", is(true)).body("transcriptTruncated", is(true)).body("transcriptBytes", is(4096))
                .body("bytesOut", greaterThan(20000));
        String transcript =
                given().auth().oauth2(Fixtures.admin()).get("/api/terminal/sessions/" + session + "/transcript")
                        .then().statusCode(200).extract().asString();
        assertTrue(transcript.endsWith("[Transcript truncated: recording stopped after 4096 bytes of output]\r\n"),
                transcript.substring(Math.max(0, transcript.length() - 200)));
        assertFalse(transcript.contains("past-the-cap-64"));
    }

    private static String device(String user) {
        return device(Fixtures.model(), user);
    }

    private static String device(String model, String user) {
        SshTarget target = sshd.target("unused");
        return Fixtures.device(model, Map.of("host", "127.0.0.1", "port", sshd.port(), "user", target.user(),
                "key", target.privateKeyPem()), user);
    }
}
