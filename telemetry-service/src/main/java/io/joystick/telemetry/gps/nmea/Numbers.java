package io.joystick.telemetry.gps.nmea;

/**
 * Decimal and integer fields read in place from a sentence, without substrings or {@code Double.parseDouble}
 * (the NMEA path parses over a million sentences a second per core). Empty or malformed → NaN / {@link #NONE}.
 */
public final class Numbers {

    public static final int NONE = Integer.MIN_VALUE;

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18};

    private Numbers() {
    }

    /** {@code [-+]digits[.digits]}; anything else, or no digit at all, is NaN. */
    public static double decimal(CharSequence s, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                    if (fraction >= 0) {
                        fraction++;
                    }
                } else if (fraction < 0) {
                    return Double.NaN;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        double value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -value : value;
    }

    /** Unsigned or signed decimal integer; empty or malformed → {@link #NONE}. */
    public static int integer(CharSequence s, int from, int to) {
        if (from >= to || to - from > 10) {
            return NONE;
        }
        int i = from;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        if (i == to) {
            return NONE;
        }
        long value = 0;
        for (; i < to; i++) {
            c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            value = value * 10 + (c - '0');
        }
        value = negative ? -value : value;
        return value > Integer.MAX_VALUE || value < Integer.MIN_VALUE + 1 ? NONE : (int) value;
    }

    /** {@code ddmm.mmmm} (or {@code dddmm.mmmm}) with its hemisphere letter, as signed degrees; NaN if absent. */
    public static double coordinate(double ddmm, char hemisphere) {
        if (Double.isNaN(ddmm)) {
            return Double.NaN;
        }
        double degrees = Math.floor(ddmm / 100);
        double value = degrees + (ddmm - 100 * degrees) / 60;
        return switch (hemisphere) {
            case 'N', 'E' -> value;
            case 'S', 'W' -> -value;
            default -> Double.NaN;
        };
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
