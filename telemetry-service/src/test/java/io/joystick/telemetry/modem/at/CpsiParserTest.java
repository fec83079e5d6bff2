package io.joystick.telemetry.modem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.joystick.telemetry.reading.CellReading;

/** Every AT+CPSI? example of docs/protocols.md#2-cellular-modem-at-commands. */
class CpsiParserTest {

    static CellReading parse(String... lines) {
        return CpsiParser.parse(List.of(lines), Instant.EPOCH, "modem");
    }

    @Test
    void parsesGsm() {
        CellReading cell = parse("+CPSI: GSM,Online,204-04,0x00c9,61828,1002 EGSM 900,-67,0,44-44");
        assertEquals("GSM", cell.technology());
        assertEquals("Online", cell.status());
        assertEquals("204-04", cell.mccMnc());
        assertEquals("201", cell.areaCode());
        assertEquals("61828", cell.cellId());
        assertEquals(1002, cell.arfcn());
        assertEquals("EGSM 900", cell.band());
        assertEquals(-67.0, cell.rssi());
    }

    @Test
    void parsesWcdmaWithNegatedMagnitudes() {
        CellReading cell =
                parse("+CPSI: WCDMA,Online,525-01,0x0152,20190399,WCDMA IMT 2000,14,10812,0,6.5,64,27,35,500");
        assertEquals("WCDMA", cell.technology());
        assertEquals("525-01", cell.mccMnc());
        assertEquals("338", cell.areaCode());
        assertEquals("20190399", cell.cellId());
        assertEquals("WCDMA IMT 2000", cell.band());
        assertEquals(14, cell.pci());
        assertEquals(10812, cell.arfcn());
        assertEquals(-6.5, cell.ecio());
        assertEquals(-64.0, cell.rscp());
    }

    @Test
    void parsesLteInTenthsFromQualcommFirmware() {
        CellReading cell =
                parse("+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15");
        assertEquals("LTE", cell.technology());
        assertEquals("460-11", cell.mccMnc());
        assertEquals("23070", cell.areaCode());
        assertEquals("187214780", cell.cellId());
        assertEquals(257, cell.pci());
        assertEquals("B3", cell.band());
        assertEquals(1850, cell.arfcn());
        assertEquals(20.0, cell.bandwidth());
        assertEquals(-9.4, cell.rsrq(), 1e-9);
        assertEquals(-85.0, cell.rsrp(), 1e-9);
        assertEquals(-54.5, cell.rssi(), 1e-9);
        assertEquals(10.0, cell.sinr(), 1e-9);
        assertEquals("+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15",
                cell.raw());
    }

    @Test
    void readsWholeUnitsFromSim7080() {
        CellReading cell =
                parse("+CPSI: LTE CAT-M1,Online,460-00,0x1816,26359396,386,EUTRAN-BAND3,1650,3,3,-10,-88,-60,11");
        assertEquals("LTE CAT-M1", cell.technology());
        assertEquals(-88.0, cell.rsrp());
        assertEquals(-10.0, cell.rsrq());
        assertEquals(10.0, cell.bandwidth());
    }

    @Test
    void leavesUndocumentedSim767xSignalsNull() {
        CellReading cell = parse("+CPSI: LTE,Online,440-10,0x1234,12345678,100,EUTRAN-BAND28,9510,3,3,20,61,41,3");
        assertEquals("B28", cell.band());
        assertEquals(9510, cell.arfcn());
        assertNull(cell.rsrp());
        assertNull(cell.sinr());
    }

    @Test
    void parsesNr5gSa() {
        CellReading cell = parse("+CPSI: NR5G_SA,Online,242-12,0x765D,4955280,0,NR5G_BAND78,640704,-770,-110,290");
        assertEquals("NR5G_SA", cell.technology());
        assertEquals("242-12", cell.mccMnc());
        assertEquals("30301", cell.areaCode());
        assertEquals("4955280", cell.cellId());
        assertEquals(0, cell.pci());
        assertEquals("n78", cell.band());
        assertEquals(640704, cell.arfcn());
        assertEquals(-77.0, cell.rsrp(), 1e-9);
        assertEquals(-11.0, cell.rsrq(), 1e-9);
        assertEquals(29.0, cell.sinr(), 1e-9);
    }

    @Test
    void parsesNr5gNsaAsTheLteAnchorPlusTheNrLeg() {
        CellReading cell = parse(
                "+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15",
                "+CPSI: NR5G_NSA,644,NR5G_BAND78,627264,-960,-120,95");
        assertEquals("NR5G_NSA", cell.technology());
        assertEquals(-85.0, cell.rsrp(), 1e-9);
        assertEquals(644, cell.nr().pci());
        assertEquals("n78", cell.nr().band());
        assertEquals(627264, cell.nr().arfcn());
        assertEquals(-96.0, cell.nr().rsrp(), 1e-9);
        assertEquals(-12.0, cell.nr().rsrq(), 1e-9);
        assertEquals(9.5, cell.nr().sinr(), 1e-9);
    }

    @Test
    void parsesAnNsaLegWithoutBand() {
        CellReading cell = parse(
                "+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15",
                "+CPSI: NR5G,644,627264,-960,-120,95");
        assertEquals(644, cell.nr().pci());
        assertNull(cell.nr().band());
        assertEquals(627264, cell.nr().arfcn());
        assertEquals(-96.0, cell.nr().rsrp(), 1e-9);
    }

    @Test
    void parsesNoService() {
        CellReading cell = parse("+CPSI: NO SERVICE,Online");
        assertEquals("NO SERVICE", cell.technology());
        assertEquals("Online", cell.status());
        assertNull(cell.rsrp());
        assertNull(cell.cellId());
    }

    @Test
    void parsesLimitedModesWithTheirBaseLayout() {
        CellReading cell = parse("+CPSI: GSM-LIMITED,Online,204-04,0x00c9,61828,1002 EGSM 900,-67,0,44-44");
        assertEquals("GSM-LIMITED", cell.technology());
        assertEquals(-67.0, cell.rssi());
    }

    @Test
    void returnsNullWithoutACpsiLine() {
        assertNull(parse("OK"));
    }
}
