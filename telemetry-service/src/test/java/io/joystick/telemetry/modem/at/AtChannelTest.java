package io.joystick.telemetry.modem.at;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AT commands through jSerialComm to a modem answering from the other end of a real pseudo-terminal. */
class AtChannelTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    ModemOnPty port;
    FakeModem modem;
    AtChannel channel;

    @BeforeEach
    void plugIn() {
        port = new ModemOnPty(dir);
        modem = port.modem;
        channel = port.channel;
    }

    @AfterEach
    void unplug() {
        port.close();
    }

    @Test
    void readsTheReplyWithEchoOn() throws Exception {
        modem.answer("AT+CSQ", List.of("+CSQ: 20,99"));
        assertTrue(modem.echo());
        assertEquals(List.of("+CSQ: 20,99"), channel.send("AT+CSQ", "+CSQ:", TIMEOUT));
    }

    @Test
    void readsTheReplyWithEchoOff() throws Exception {
        modem.answer("AT+CBC", List.of("+CBC: 3.978V"));
        channel.send("ATE0", null, TIMEOUT);
        assertEquals(false, modem.echo());
        assertEquals(List.of("+CBC: 3.978V"), channel.send("AT+CBC", "+CBC:", TIMEOUT));
    }

    @Test
    void skipsUrcsInterleavedWithTheReplyAndHandsThemToListeners() throws Exception {
        List<String> urcs = new CopyOnWriteArrayList<>();
        channel.onUnsolicited(urcs::add);
        modem.answer("AT+CPSI?", List.of(
                "+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15",
                "+CPSI: NR5G_NSA,644,NR5G_BAND78,627264,-960,-120,95"))
                .urcBeforeNextReply("RDY").urcBeforeNextReply("+CREG: 1")
                .urcInsideReplies("+CEREG: 2,1,\"3193\",\"08F381C5\"");
        List<String> reply = channel.send("AT+CPSI?", "+CPSI:", TIMEOUT);
        assertEquals(2, reply.size());
        assertTrue(reply.get(0).startsWith("+CPSI: LTE"));
        assertTrue(reply.get(1).startsWith("+CPSI: NR5G_NSA"));
        assertEquals(List.of("RDY", "+CREG: 1", "+CEREG: 2,1,\"3193\",\"08F381C5\""), urcs);
    }

    @Test
    void reportsErrorResultCodes() {
        modem.fail("AT+CPSI?", "+CME ERROR: 100");
        AtException error = assertThrows(AtException.class, () -> channel.send("AT+CPSI?", "+CPSI:", TIMEOUT));
        assertTrue(error.getMessage().contains("+CME ERROR: 100"), error.getMessage());
        assertEquals(AtException.Reason.REFUSED, error.reason());
        AtException unknown = assertThrows(AtException.class, () -> channel.send("AT+NOPE", null, TIMEOUT));
        assertTrue(unknown.getMessage().endsWith("ERROR"), unknown.getMessage());
    }

    @Test
    void timesOutOnASilentModemAndRecovers() throws Exception {
        modem.silent(true);
        AtException error =
                assertThrows(AtException.class, () -> channel.send("AT+CSQ", "+CSQ:", Duration.ofMillis(300)));
        assertTrue(error.getMessage().contains("no answer within 300 ms"), error.getMessage());
        assertEquals(AtException.Reason.TIMEOUT, error.reason());
        modem.silent(false).answer("AT+CSQ", List.of("+CSQ: 31,0"));
        assertEquals(List.of("+CSQ: 31,0"), channel.send("AT+CSQ", "+CSQ:", TIMEOUT));
    }

    @Test
    void discardsTheLateAnswerOfATimedOutCommand() throws Exception {
        modem.answer("AT+CSQ", List.of("+CSQ: 20,99")).lateBy("AT+CSQ", Duration.ofMillis(700))
                .answer("AT+CBC", List.of("+CBC: 0,75,3987"));
        AtException error =
                assertThrows(AtException.class, () -> channel.send("AT+CSQ", "+CSQ:", Duration.ofMillis(200)));
        assertEquals(AtException.Reason.TIMEOUT, error.reason());
        // Sent while the modem is still busy with AT+CSQ: its OK must not be taken for this command's.
        assertEquals(List.of("+CBC: 0,75,3987"), channel.send("AT+CBC", "+CBC:", TIMEOUT));
        assertEquals(List.of("AT+CSQ", "AT+CBC"), modem.received());
    }

    @Test
    void keepsOneCommandInFlight() throws Exception {
        modem.answer("AT+CSQ", List.of("+CSQ: 20,99")).answer("AT+CBC", List.of("+CBC: 0,75,3987"))
                .answer("AT+COPS?", List.of("+COPS: 0,0,\"Joy\",7"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 5; round++) {
                Future<List<String>> csq = pool.submit(() -> channel.send("AT+CSQ", "+CSQ:", TIMEOUT));
                Future<List<String>> cbc = pool.submit(() -> channel.send("AT+CBC", "+CBC:", TIMEOUT));
                Future<List<String>> cops = pool.submit(() -> channel.send("AT+COPS?", "+COPS:", TIMEOUT));
                assertEquals(List.of("+CSQ: 20,99"), csq.get());
                assertEquals(List.of("+CBC: 0,75,3987"), cbc.get());
                assertEquals(List.of("+COPS: 0,0,\"Joy\",7"), cops.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(15, modem.received().size());
    }

    @Test
    void failsFastWhileThePortIsUnplugged() {
        port.pair.unplug();
        await().atMost(Duration.ofSeconds(10)).until(() -> !channel.connected());
        AtException error = assertThrows(AtException.class, () -> channel.send("AT+CSQ", "+CSQ:", TIMEOUT));
        assertTrue(error.getMessage().contains("not connected"), error.getMessage());
        assertEquals(AtException.Reason.UNAVAILABLE, error.reason());
    }
}
