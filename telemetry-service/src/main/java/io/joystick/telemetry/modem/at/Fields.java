package io.joystick.telemetry.modem.at;

/** The comma-separated fields of one AT reply line, after its {@code +XXX: } prefix; quotes removed. */
final class Fields {

    private final String[] values;

    private Fields(String[] values) {
        this.values = values;
    }

    /** {@code line} without {@code prefix} (e.g. {@code "+CPSI:"}), split with {@code split(",", -1)}. */
    static Fields of(String line, String prefix) {
        String body = line.strip();
        if (body.startsWith(prefix)) {
            body = body.substring(prefix.length()).strip();
        }
        String[] parts = body.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
                part = part.substring(1, part.length() - 1);
            }
            parts[i] = part;
        }
        return new Fields(parts);
    }

    int size() {
        return values.length;
    }

    /** The field, or null when absent, empty, or {@code -} (Quectel's "invalid right now"). */
    String text(int index) {
        if (index >= values.length) {
            return null;
        }
        String value = values[index];
        return value.isEmpty() || value.equals("-") ? null : value;
    }

    Integer integer(int index) {
        String value = text(index);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Double decimal(int index) {
        String value = text(index);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A hexadecimal field ({@code 0x00c9} or {@code 8F381C5}) as its decimal text. */
    String hexAsDecimal(int index) {
        String value = text(index);
        if (value == null) {
            return null;
        }
        String digits = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
        try {
            return Long.toString(Long.parseLong(digits, 16));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
