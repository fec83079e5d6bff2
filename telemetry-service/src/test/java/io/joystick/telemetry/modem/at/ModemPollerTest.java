package io.joystick.telemetry.modem.at;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.joystick.telemetry.config.TelemetryConfig.ModemFamily;
import io.joystick.telemetry.modem.service.ModemPoller;
import io.joystick.telemetry.reading.BatteryReading;
import io.joystick.telemetry.reading.CellReading;
import io.joystick.telemetry.reading.GpsReading;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.service.ReadingStore;

/** The modem poller against a modem at the other end of a pseudo-terminal. */
class ModemPollerTest {

    @TempDir
    Path dir;
    ModemOnPty port;
    FakeModem modem;
    AtChannel channel;
    ReadingStore store;

    @BeforeEach
    void plugIn() {
        Map<Sensor, Duration> stale = new EnumMap<>(Sensor.class);
        for (Sensor sensor : Sensor.values()) {
            stale.put(sensor, Duration.ofMinutes(1));
        }
        store = new ReadingStore(stale);
        port = new ModemOnPty(dir);
        modem = port.modem;
        channel = port.channel;
    }

    @AfterEach
    void unplug() {
        port.close();
    }

    ModemPoller poller(ModemFamily family, boolean cellular, boolean battery, boolean gps) {
        return new ModemPoller(channel, store, family, Duration.ofSeconds(2), cellular, battery, gps);
    }

    @Test
    void readsASimcomModemsCellSignalOperatorBatteryAndGps() {
        modem.answer("AT+CPSI?",
                List.of("+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15"))
                .answer("AT+CSQ", List.of("+CSQ: 24,99"))
                .answer("AT+COPS?", List.of("+COPS: 0,0,\"CHN-CT\",7"))
                .answer("AT+CBC", List.of("+CBC: 3.978V"))
                .answer("AT+CGPS=1", List.of())
                .answer("AT+CGPSINFO", List.of("+CGPSINFO: 2101.464009,N,10550.561504,E,250423,065721.0,23.1,0.0,"))
                .urcInsideReplies("+CNSMOD: 8");
        poller(ModemFamily.AUTO, true, true, true).run();

        CellReading cell = (CellReading) store.latest(Sensor.CELLULAR).orElseThrow();
        assertEquals("LTE", cell.technology());
        assertEquals(-85.0, cell.rsrp(), 1e-9);
        assertEquals(24, cell.csq());
        assertEquals(-54.5, cell.rssi(), 1e-9);
        assertEquals("CHN-CT", cell.operator());
        assertEquals("modem", cell.source());
        BatteryReading battery = (BatteryReading) store.latest(Sensor.BATTERY).orElseThrow();
        assertEquals(3978.0, battery.voltage(), 1e-9);
        assertNull(battery.current());
        GpsReading gps = (GpsReading) store.latest(Sensor.GPS).orElseThrow();
        assertEquals(21.0244, gps.latitude(), 1e-4);
        assertEquals("modem", gps.source());
        assertEquals("ATE0", modem.received().get(0));
        assertTrue(modem.received().contains("AT+CGPS=1"));
    }

    @Test
    void fallsBackToQuectelWhenCpsiIsRefused() {
        modem.fail("AT+CPSI?", "ERROR")
                .answer("AT+QENG=\"servingcell\"", List.of(
                        "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",460,00,8F381C5,107,1300,3,5,5,3193,-98,-13,-70,-3,0,0,21"))
                .answer("AT+CSQ", List.of("+CSQ: 99,99"))
                .answer("AT+COPS?", List.of("+COPS: 0"));
        ModemPoller poller = poller(ModemFamily.AUTO, true, false, false);
        poller.run();
        assertEquals(-98.0, ((CellReading) store.latest(Sensor.CELLULAR).orElseThrow()).rsrp());
        int cpsiAsked = (int) modem.received().stream().filter("AT+CPSI?"::equals).count();
        poller.run();
        assertEquals(cpsiAsked, modem.received().stream().filter("AT+CPSI?"::equals).count());
        assertEquals(-70.0, ((CellReading) store.latest(Sensor.CELLULAR).orElseThrow()).rssi());
    }

    @Test
    void keepsAskingCpsiWhileTheSimIsBusy() {
        String lte = "+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15";
        modem.fail("AT+CPSI?", "+CME ERROR: 14").answer("AT+CSQ", List.of("+CSQ: 24,99")).answer("AT+COPS?",
                List.of("+COPS: 0"));
        ModemPoller poller = poller(ModemFamily.AUTO, true, false, false);
        poller.run();
        assertTrue(store.latest(Sensor.CELLULAR).isEmpty());
        modem.answer("AT+CPSI?", List.of(lte));
        poller.run();
        assertEquals("LTE", ((CellReading) store.latest(Sensor.CELLULAR).orElseThrow()).technology());
        assertFalse(modem.received().stream().anyMatch(c -> c.startsWith("AT+QENG")),
                "a busy SIM is no reason to think it Quectel");
    }

    @Test
    void setsUpAModemThatDidNotAnswerWhileBooting() {
        modem.silent(true);
        ModemPoller poller =
                new ModemPoller(channel, store, ModemFamily.SIMCOM, Duration.ofMillis(300), false, false, true);
        poller.run();
        assertFalse(modem.received().contains("AT+CGPS=1"), "nothing more after a set-up command went unanswered");
        modem.silent(false).answer("AT+CGPS=1", List.of()).answer("AT+CGPSINFO", List.of("+CGPSINFO: ,,,,,,,,"));
        poller.run();
        assertTrue(modem.received().contains("AT+CGPS=1"), "set up once the modem answers: " + modem.received());
    }

    @Test
    void setsUpTheModemAgainAfterItRestarted() {
        modem.answer("AT+CGPS=1", List.of()).answer("AT+CGPSINFO", List.of("+CGPSINFO: ,,,,,,,,"));
        ModemPoller poller = poller(ModemFamily.SIMCOM, false, false, true);
        poller.run();
        poller.run();
        assertEquals(1, modem.received().stream().filter("AT+CGPS=1"::equals).count());
        port.pair.write("\r\nRDY\r\n"); // a reset on a port that stayed open
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            poller.run();
            assertEquals(2, modem.received().stream().filter("AT+CGPS=1"::equals).count());
        });
    }

    @Test
    void worksWhenTheModemKeepsEchoOn() {
        modem.stubbornEcho().answer("AT+CBC", List.of("+CBC: 1,80,4100"));
        poller(ModemFamily.SIMCOM, false, true, false).run();
        BatteryReading battery = (BatteryReading) store.latest(Sensor.BATTERY).orElseThrow();
        assertEquals(4100.0, battery.voltage());
        assertEquals(80, battery.capacity());
        assertEquals("Charging", battery.status());
    }

    @Test
    void publishesUnsolicitedGpsInfo() {
        poller(ModemFamily.SIMCOM, false, false, true);
        port.pair.write("\r\n+CGPSINFO: 4739.71890,N,12219.58362,W,050826,055234.0,76.5,0.0,286.3\r\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.latest(Sensor.GPS).isPresent());
        assertEquals(-122.3263937, ((GpsReading) store.latest(Sensor.GPS).orElseThrow()).longitude(), 1e-6);
    }
}
