package io.joystick.telemetry.modem.at;

/** Unit and naming conversions shared by the SIMCom and Quectel serving-cell parsers. */
final class CellValues {

    /** LTE/NR bandwidth codes 0–5 (SIMCom dlbw/ulbw, Quectel UL/DL_bw) in MHz. */
    private static final double[] BANDWIDTH_MHZ = {1.4, 3, 5, 10, 15, 20};

    private CellValues() {
    }

    static Double bandwidth(Integer code) {
        return code == null || code < 0 || code >= BANDWIDTH_MHZ.length ? null : BANDWIDTH_MHZ[code];
    }

    /** {@code EUTRAN-BAND3} → {@code B3}, {@code NR5G_BAND78} → {@code n78}; anything else as given. */
    static String band(String name) {
        if (name == null) {
            return null;
        }
        int at = name.indexOf("BAND");
        if (at < 0) {
            return name;
        }
        String number = name.substring(at + 4);
        return name.startsWith("NR") ? "n" + number : "B" + number;
    }

    static Double tenths(Integer value) {
        return value == null ? null : value / 10.0;
    }
}
