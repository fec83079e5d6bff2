package io.joystick.telemetry.modem.at;

import java.util.List;

/** {@code +COPS: <mode>[,<format>,"<operator>"[,<AcT>]]}: the operator's name, or null when not registered. */
public final class OperatorName {

    public static final String PREFIX = "+COPS:";

    private OperatorName() {
    }

    public static String parse(List<String> lines) {
        for (String line : lines) {
            if (line.strip().startsWith(PREFIX)) {
                return Fields.of(line, PREFIX).text(2);
            }
        }
        return null;
    }
}
