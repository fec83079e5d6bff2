package io.joystick.telemetry.modem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.joystick.telemetry.reading.CellReading;

/** Quectel AT+QENG="servingcell" forms of docs/protocols.md#2-cellular-modem-at-commands. */
class QengParserTest {

    static CellReading parse(String... lines) {
        return QengParser.parse(List.of(lines), Instant.EPOCH, "modem");
    }

    @Test
    void parsesTheRealLteExample() {
        CellReading cell = parse(
                "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",460,00,8F381C5,107,1300,3,5,5,3193,-98,-13,-70,-3,0,0,21");
        assertEquals("LTE", cell.technology());
        assertEquals("NOCONN", cell.status());
        assertEquals("460-00", cell.mccMnc());
        // cell ID and TAC match +CEREG: 2,1,"3193","08F381C5" in the same log
        assertEquals(Long.toString(0x08F381C5L), cell.cellId());
        assertEquals(Long.toString(0x3193), cell.areaCode());
        assertEquals(107, cell.pci());
        assertEquals(1300, cell.arfcn());
        assertEquals("B3", cell.band());
        assertEquals(20.0, cell.bandwidth());
        assertEquals(-98.0, cell.rsrp());
        assertEquals(-13.0, cell.rsrq());
        assertEquals(-70.0, cell.rssi());
        assertEquals(-3.0, cell.sinr());
    }

    @Test
    void parsesNr5gSa() {
        CellReading cell = parse(
                "+QENG: \"servingcell\",\"NOCONN\",\"NR5G-SA\",\"TDD\",454,12,1C3A9A001,53,4E21,627264,78,12,-85,-11,15,1,-");
        assertEquals("NR5G_SA", cell.technology());
        assertEquals("454-12", cell.mccMnc());
        assertEquals(53, cell.pci());
        assertEquals(Long.toString(0x4E21), cell.areaCode());
        assertEquals(627264, cell.arfcn());
        assertEquals("n78", cell.band());
        assertEquals(-85.0, cell.rsrp());
        assertEquals(-11.0, cell.rsrq());
        assertEquals(15.0, cell.sinr());
    }

    @Test
    void parsesEnDcIntoTheLteAnchorAndTheNrLeg() {
        CellReading cell = parse("+QENG: \"servingcell\",\"CONNECT\"",
                "+QENG: \"LTE\",\"FDD\",460,00,8F381C5,107,1300,3,5,5,3193,-98,-13,-70,-3,0,0,21",
                "+QENG: \"NR5G-NSA\",460,00,644,-96,12,-12,627264,78,12,1");
        assertEquals("NR5G_NSA", cell.technology());
        assertEquals("CONNECT", cell.status());
        assertEquals(-98.0, cell.rsrp());
        assertEquals(644, cell.nr().pci());
        assertEquals(-96.0, cell.nr().rsrp());
        assertEquals(12.0, cell.nr().sinr());
        assertEquals(-12.0, cell.nr().rsrq());
        assertEquals(627264, cell.nr().arfcn());
        assertEquals("n78", cell.nr().band());
    }

    @Test
    void searchMeansNoServiceYet() {
        CellReading cell = parse("+QENG: \"servingcell\",\"SEARCH\"");
        assertEquals("NO SERVICE", cell.technology());
        assertEquals("SEARCH", cell.status());
        assertNull(cell.rsrp());
    }

    @Test
    void dashIsNoValue() {
        CellReading cell = parse(
                "+QENG: \"servingcell\",\"LIMSRV\",\"LTE\",\"FDD\",460,00,8F381C5,107,1300,3,5,5,3193,-,-13,-,-,0,0,21");
        assertNull(cell.rsrp());
        assertNull(cell.rssi());
        assertEquals(-13.0, cell.rsrq());
    }
}
