package io.joystick.telemetry.modem.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.joystick.telemetry.reading.CellReading;
import io.joystick.telemetry.reading.CellReading.NrLeg;

/**
 * Quectel {@code AT+QENG="servingcell"} replies (docs/protocols.md#2-cellular-modem-at-commands): LTE, NR5G-SA, EN-DC (a state line, an LTE
 * line and an NR5G-NSA line) and SEARCH. RSRP in dBm, RSRQ and SINR in dB as reported (the LTE SINR encoding
 * differs per module; the documented real log is in dB), {@code -} = no value.
 */
public final class QengParser {

    public static final String PREFIX = "+QENG:";

    private QengParser() {
    }

    public static CellReading parse(List<String> lines, Instant at, String source) {
        List<String> replies = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().startsWith(PREFIX)) {
                replies.add(line.strip());
            }
        }
        if (replies.isEmpty()) {
            return null;
        }
        String raw = String.join("\n", replies);
        Fields serving = Fields.of(replies.get(0), PREFIX);
        if (!"servingcell".equals(serving.text(0))) {
            return null;
        }
        String state = serving.text(1);
        String rat = serving.text(2);
        if (rat == null) {
            // SEARCH, or EN-DC where the cells follow on their own lines
            Fields lte = null;
            Fields nr = null;
            for (String reply : replies.subList(1, replies.size())) {
                Fields f = Fields.of(reply, PREFIX);
                if ("LTE".equals(f.text(0))) {
                    lte = f;
                } else if ("NR5G-NSA".equals(f.text(0))) {
                    nr = f;
                }
            }
            if (lte == null) {
                // SEARCH: no cell yet, and no more fields follow
                return new CellReading("NO SERVICE", state, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null,
                        null, null, raw, at, source);
            }
            return lte(lte, 0, nr == null ? "LTE" : "NR5G_NSA", state, nsaLeg(nr), raw, at, source);
        }
        return switch (rat) {
            case "LTE" -> lte(serving, 2, "LTE", state, null, raw, at, source);
            case "NR5G-SA" -> nrSa(serving, state, raw, at, source);
            default -> new CellReading(rat, state, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, raw, at, source);
        };
    }

    /** LTE fields starting at {@code "LTE"}: is_tdd, MCC, MNC, cellID, PCID, earfcn, band, UL_bw, DL_bw, TAC, RSRP, RSRQ, RSSI, SINR… */
    private static CellReading lte(Fields f, int base, String technology, String state, NrLeg nr, String raw,
            Instant at, String source) {
        Integer band = f.integer(base + 7);
        return new CellReading(technology, state, null, mccMnc(f, base + 2), f.hexAsDecimal(base + 10),
                f.hexAsDecimal(base + 4), f.integer(base + 5), band == null ? null : "B" + band, f.integer(base + 6),
                CellValues.bandwidth(f.integer(base + 9)), f.decimal(base + 13), f.decimal(base + 11),
                f.decimal(base + 12), f.decimal(base + 14), null, null, null, nr, raw, at, source);
    }

    /** servingcell, state, NR5G-SA, duplex, MCC, MNC, cellID, PCID, TAC, ARFCN, band, NR_DL_bw, RSRP, RSRQ, SINR… */
    private static CellReading nrSa(Fields f, String state, String raw, Instant at, String source) {
        Integer band = f.integer(10);
        return new CellReading("NR5G_SA", state, null, mccMnc(f, 4), f.hexAsDecimal(8), f.hexAsDecimal(6),
                f.integer(7), band == null ? null : "n" + band, f.integer(9), null, null, f.decimal(12),
                f.decimal(13), f.decimal(14), null, null, null, null, raw, at, source);
    }

    /** NR5G-NSA, MCC, MNC, PCID, RSRP, SINR, RSRQ, ARFCN, band, NR_DL_bw, scs. */
    private static NrLeg nsaLeg(Fields f) {
        if (f == null) {
            return null;
        }
        Integer band = f.integer(8);
        return new NrLeg(f.integer(3), band == null ? null : "n" + band, f.integer(7), f.decimal(4), f.decimal(6),
                f.decimal(5));
    }

    private static String mccMnc(Fields f, int mccIndex) {
        String mcc = f.text(mccIndex);
        String mnc = f.text(mccIndex + 1);
        return mcc == null || mnc == null ? null : mcc + "-" + mnc;
    }
}
