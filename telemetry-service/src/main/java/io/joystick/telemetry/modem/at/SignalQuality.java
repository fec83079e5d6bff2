package io.joystick.telemetry.modem.at;

import java.util.List;

/**
 * {@code +CSQ: <rssi>,<ber>}: 0–31 → −113 + 2·rssi dBm, 100–191 (TD-SCDMA on SIM7500/7600) → −116 + (rssi − 100)
 * dBm, 99 and 199 unknown (null dBm).
 */
public record SignalQuality(int rssi, Integer rssiDbm, Integer ber) {

    public static final String PREFIX = "+CSQ:";

    /** The first {@code +CSQ:} line's value, or null. */
    public static SignalQuality parse(List<String> lines) {
        for (String line : lines) {
            if (line.strip().startsWith(PREFIX)) {
                Fields f = Fields.of(line, PREFIX);
                Integer rssi = f.integer(0);
                if (rssi == null) {
                    return null;
                }
                Integer ber = f.integer(1);
                return new SignalQuality(rssi, dbm(rssi), ber == null || ber == 99 ? null : ber);
            }
        }
        return null;
    }

    static Integer dbm(int rssi) {
        if (rssi >= 0 && rssi <= 31) {
            return -113 + 2 * rssi;
        }
        if (rssi >= 100 && rssi <= 191) {
            return -116 + (rssi - 100);
        }
        return null;
    }
}
