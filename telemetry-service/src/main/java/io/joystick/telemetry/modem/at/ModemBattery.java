package io.joystick.telemetry.modem.at;

import java.util.List;

/**
 * {@code AT+CBC}: {@code +CBC: <bcs>,<bcl>,<voltage mV>} (SIM800/SIM7000/SIM7080) or {@code +CBC: 3.978V}
 * (SIM7600/SIM767x). Voltage in mV; charge state and level only in the first form.
 */
public record ModemBattery(double voltageMv, Integer level, Integer chargeState) {

    public static final String PREFIX = "+CBC:";

    public static ModemBattery parse(List<String> lines) {
        for (String line : lines) {
            if (!line.strip().startsWith(PREFIX)) {
                continue;
            }
            Fields f = Fields.of(line, PREFIX);
            if (f.size() == 1) {
                String volts = f.text(0);
                if (volts == null || !(volts.endsWith("V") || volts.endsWith("v"))) {
                    return null;
                }
                try {
                    return new ModemBattery(Double.parseDouble(volts.substring(0, volts.length() - 1)) * 1000, null,
                            null);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            Double millivolts = f.decimal(2);
            return millivolts == null ? null : new ModemBattery(millivolts, f.integer(1), f.integer(0));
        }
        return null;
    }
}
