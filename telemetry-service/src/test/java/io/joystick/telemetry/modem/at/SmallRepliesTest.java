package io.joystick.telemetry.modem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.joystick.telemetry.reading.GpsReading;

/** AT+CSQ, AT+CBC (both forms), AT+CGPSINFO and AT+COPS? of docs/protocols.md#2-cellular-modem-at-commands. */
class SmallRepliesTest {

    @Test
    void convertsCsqToDbm() {
        assertEquals(-113, SignalQuality.parse(List.of("+CSQ: 0,99")).rssiDbm());
        assertEquals(-73, SignalQuality.parse(List.of("+CSQ: 20,99")).rssiDbm());
        assertEquals(-51, SignalQuality.parse(List.of("+CSQ: 31,0")).rssiDbm());
        assertEquals(0, SignalQuality.parse(List.of("+CSQ: 31,0")).ber());
        assertNull(SignalQuality.parse(List.of("+CSQ: 20,99")).ber());
    }

    @Test
    void treatsCsqUnknownAndTdScdmaValues() {
        assertNull(SignalQuality.parse(List.of("+CSQ: 99,99")).rssiDbm());
        assertNull(SignalQuality.parse(List.of("+CSQ: 199,99")).rssiDbm());
        assertEquals(-116, SignalQuality.parse(List.of("+CSQ: 100,99")).rssiDbm());
        assertEquals(-25, SignalQuality.parse(List.of("+CSQ: 191,99")).rssiDbm());
        assertNull(SignalQuality.parse(List.of("OK")));
    }

    @Test
    void readsCbcWithChargeStateLevelAndMillivolts() {
        ModemBattery cbc = ModemBattery.parse(List.of("+CBC: 0,75,3987"));
        assertEquals(3987.0, cbc.voltageMv());
        assertEquals(75, cbc.level());
        assertEquals(0, cbc.chargeState());
    }

    @Test
    void readsCbcInVolts() {
        ModemBattery cbc = ModemBattery.parse(List.of("+CBC: 3.978V"));
        assertEquals(3978.0, cbc.voltageMv(), 1e-9);
        assertNull(cbc.level());
    }

    @Test
    void readsCgpsInfo() {
        GpsReading gps =
                CgpsInfoParser.parse(List.of("+CGPSINFO: 2101.464009,N,10550.561504,E,250423,065721.0,23.1,0.0,"),
                        Instant.EPOCH, "modem");
        assertEquals(21 + 1.464009 / 60, gps.latitude(), 1e-9);
        assertEquals(105 + 50.561504 / 60, gps.longitude(), 1e-9);
        assertEquals(23.1, gps.altitude());
        assertEquals(0.0, gps.speed());
        assertNull(gps.course());
        assertEquals("3d", gps.fix());
    }

    @Test
    void readsCgpsInfoWithoutFix() {
        GpsReading gps = CgpsInfoParser.parse(List.of("+CGPSINFO: ,,,,,,,,"), Instant.EPOCH, "modem");
        assertNull(gps.latitude());
        assertNull(gps.longitude());
        assertEquals("none", gps.fix());
    }

    @Test
    void readsTheOperatorName() {
        assertEquals("Vodafone NL", OperatorName.parse(List.of("+COPS: 0,0,\"Vodafone NL\",7")));
        assertNull(OperatorName.parse(List.of("+COPS: 0")));
    }
}
