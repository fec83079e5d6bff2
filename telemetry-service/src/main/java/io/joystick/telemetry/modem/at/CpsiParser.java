package io.joystick.telemetry.modem.at;

import java.time.Instant;
import java.util.List;

import io.joystick.telemetry.reading.CellReading;
import io.joystick.telemetry.reading.CellReading.NrLeg;

/**
 * SIMCom {@code AT+CPSI?} replies (docs/protocols.md#2-cellular-modem-at-commands): GSM, WCDMA, LTE (also CAT-M1/NB-IOT), NR5G_SA, NR5G_NSA
 * (an LTE line then an NR line), NO SERVICE and the {@code -LIMITED} modes.
 * <p>
 * Units: SIM7500/7600 (Qualcomm) firmware reports LTE/NR RSRP, RSRQ and RSSI in tenths; SIM7080 in whole
 * units. A real RSRP is −44…−140 dBm, so an RSRP below −200 marks the tenths encoding. SIM767x (ASR) firmware
 * sends small positive numbers of undocumented meaning: those signals are left null (see {@code raw}). LTE
 * SINR follows SIMCom's documented 2·RSSNR − 20; NR SNR is in tenths of dB (both marked uncertain in
 * docs/protocols.md).
 */
public final class CpsiParser {

    public static final String PREFIX = "+CPSI:";

    private CpsiParser() {
    }

    /** The {@code +CPSI:} lines of one reply; null when there is none. */
    public static CellReading parse(List<String> lines, Instant at, String source) {
        String first = null;
        String nsa = null;
        for (String line : lines) {
            if (!line.strip().startsWith(PREFIX)) {
                continue;
            }
            String body = line.strip().substring(PREFIX.length()).strip();
            if (first == null) {
                first = line;
            } else if (body.startsWith("NR5G")) {
                nsa = line;
            }
        }
        if (first == null) {
            return null;
        }
        String raw = nsa == null ? first.strip() : first.strip() + "\n" + nsa.strip();
        Fields f = Fields.of(first, PREFIX);
        String technology = f.text(0);
        if (technology == null) {
            return null;
        }
        String layout = technology.endsWith("-LIMITED") ? technology.substring(0, technology.length() - 8) : technology;
        CellReading cell;
        if (layout.equals("GSM")) {
            cell = gsm(f, technology, raw, at, source);
        } else if (layout.equals("WCDMA")) {
            cell = wcdma(f, technology, raw, at, source);
        } else if (layout.startsWith("LTE")) {
            cell = lte(f, technology, raw, at, source);
        } else if (layout.equals("NR5G_SA")) {
            cell = nrSa(f, technology, raw, at, source);
        } else {
            cell = new CellReading(technology, f.text(1), null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, raw, at, source);
        }
        if (nsa != null) {
            cell = withNsa(cell, Fields.of(nsa, PREFIX));
        }
        return cell;
    }

    private static CellReading gsm(Fields f, String technology, String raw, Instant at, String source) {
        // <ARFCN+band> reads "1002 EGSM 900"
        String arfcnBand = f.text(5);
        Integer arfcn = null;
        String band = null;
        if (arfcnBand != null) {
            int space = arfcnBand.indexOf(' ');
            arfcn = parseInt(space < 0 ? arfcnBand : arfcnBand.substring(0, space));
            band = space < 0 ? null : arfcnBand.substring(space + 1);
        }
        Integer rxLev = f.integer(6);
        return new CellReading(technology, f.text(1), null, f.text(2), f.hexAsDecimal(3), f.text(4), null, band, arfcn,
                null, rxLev == null ? null : rxLev.doubleValue(), null, null, null, null, null, null, null, raw, at,
                source);
    }

    private static CellReading wcdma(Fields f, String technology, String raw, Instant at, String source) {
        // Ec/Io and RSCP come as positive magnitudes of negative values.
        Double ecio = f.decimal(9);
        Double rscp = f.decimal(10);
        return new CellReading(technology, f.text(1), null, f.text(2), f.hexAsDecimal(3), f.text(4), f.integer(6),
                f.text(5), f.integer(7), null, null, null, null, null, rscp == null ? null : -Math.abs(rscp),
                ecio == null ? null : -Math.abs(ecio), null, null, raw, at, source);
    }

    private static CellReading lte(Fields f, String technology, String raw, Instant at, String source) {
        Integer rsrq = f.integer(10);
        Integer rsrp = f.integer(11);
        Integer rssi = f.integer(12);
        Integer rssnr = f.integer(13);
        Double rsrpDbm = null;
        Double rsrqDb = null;
        Double rssiDbm = null;
        Double sinr = null;
        if (rsrp != null && rsrp < 0) {
            boolean tenths = rsrp < -200;
            rsrpDbm = tenths ? rsrp / 10.0 : rsrp.doubleValue();
            rsrqDb = rsrq == null ? null : tenths ? rsrq / 10.0 : rsrq.doubleValue();
            rssiDbm = rssi == null ? null : tenths ? rssi / 10.0 : rssi.doubleValue();
            sinr = rssnr == null ? null : 2.0 * rssnr - 20;
        }
        return new CellReading(technology, f.text(1), null, f.text(2), f.hexAsDecimal(3), f.text(4), f.integer(5),
                CellValues.band(f.text(6)), f.integer(7), CellValues.bandwidth(f.integer(8)), rssiDbm, rsrpDbm, rsrqDb,
                sinr, null, null, null, null, raw, at, source);
    }

    private static CellReading nrSa(Fields f, String technology, String raw, Instant at, String source) {
        NrSignal signal = nrSignal(f.integer(8), f.integer(9), f.integer(10));
        return new CellReading(technology, f.text(1), null, f.text(2), f.hexAsDecimal(3), f.text(4), f.integer(5),
                CellValues.band(f.text(6)), f.integer(7), null, null, signal.rsrp, signal.rsrq, signal.sinr, null, null,
                null, null, raw, at, source);
    }

    /** {@code NR5G_NSA,<PCellID>,<band>,<ARFCN>,<RSRP>,<RSRQ>,<SNR>…}; some firmware omits the band. */
    private static CellReading withNsa(CellReading lte, Fields f) {
        int i = 1;
        Integer pci = f.integer(i++);
        String band = f.text(i) != null && f.text(i).contains("BAND") ? CellValues.band(f.text(i++)) : null;
        Integer arfcn = f.integer(i++);
        NrSignal signal = nrSignal(f.integer(i), f.integer(i + 1), f.integer(i + 2));
        NrLeg nr = new NrLeg(pci, band, arfcn, signal.rsrp, signal.rsrq, signal.sinr);
        return new CellReading("NR5G_NSA", lte.status(), lte.operator(), lte.mccMnc(), lte.areaCode(), lte.cellId(),
                lte.pci(), lte.band(), lte.arfcn(), lte.bandwidth(), lte.rssi(), lte.rsrp(), lte.rsrq(), lte.sinr(),
                null, null, null, nr, lte.raw(), lte.timestamp(), lte.source());
    }

    private record NrSignal(Double rsrp, Double rsrq, Double sinr) {
    }

    private static NrSignal nrSignal(Integer rsrp, Integer rsrq, Integer snr) {
        if (rsrp == null || rsrp >= 0) {
            return new NrSignal(null, null, null);
        }
        boolean tenths = rsrp < -200;
        return new NrSignal(tenths ? rsrp / 10.0 : rsrp.doubleValue(),
                rsrq == null ? null : tenths ? rsrq / 10.0 : rsrq.doubleValue(), CellValues.tenths(snr));
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
