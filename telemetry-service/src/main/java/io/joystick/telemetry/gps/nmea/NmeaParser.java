package io.joystick.telemetry.gps.nmea;

/**
 * NMEA 0183 sentences (docs/protocols.md#1-nmea-0183) into a {@link GpsState}. The checksum is the XOR of every character
 * between the start character and the last {@code *}, compared case-insensitively; sentences without one are
 * refused. Dispatch is on the three-letter type whatever the talker (GP, GN, GL, BD…). Fields are indexed
 * from the front as {@code split(",", -1)} would give them (trailing empty fields kept), but in place, without
 * allocating: one parser per reader thread.
 */
public final class NmeaParser {

    public enum Result {
        /** Valid and understood; {@link #positionSentence()} tells whether it carried a position. */
        ACCEPTED,
        /** Valid checksum, but a type this parser does not use (or proprietary). */
        IGNORED,
        BAD_CHECKSUM,
        NO_CHECKSUM,
        MALFORMED
    }

    /** gpsd's limit: real receivers exceed NMEA's 82 bytes. */
    public static final int MAX_LENGTH = 130;
    private static final int MAX_FIELDS = 40;
    private static final double KNOTS_TO_KMH = 1.852;

    private final int[] start = new int[MAX_FIELDS];
    private final int[] end = new int[MAX_FIELDS];
    private int fields;
    private boolean positionSentence;

    /** Whether the last accepted sentence was one that states the position or its absence (GGA, RMC, GLL). */
    public boolean positionSentence() {
        return positionSentence;
    }

    public Result parse(CharSequence line, GpsState state) {
        positionSentence = false;
        int length = line.length();
        while (length > 0 && line.charAt(length - 1) <= ' ') {
            length--;
        }
        if (length < 7 || length > MAX_LENGTH || (line.charAt(0) != '$' && line.charAt(0) != '!')) {
            return Result.MALFORMED;
        }
        int star = length - 3;
        if (line.charAt(star) != '*') {
            return Result.NO_CHECKSUM;
        }
        int high = Numbers.hex(line.charAt(star + 1));
        int low = Numbers.hex(line.charAt(star + 2));
        if (high < 0 || low < 0) {
            return Result.NO_CHECKSUM;
        }
        int sum = 0;
        for (int i = 1; i < star; i++) {
            sum ^= line.charAt(i);
        }
        if (sum != (high << 4 | low)) {
            return Result.BAD_CHECKSUM;
        }
        split(line, star);
        int tagLength = end[0] - start[0];
        if (tagLength != 5 || line.charAt(1) == 'P') {
            return tagLength < 3 ? Result.MALFORMED : Result.IGNORED;
        }
        char a = line.charAt(3);
        char b = line.charAt(4);
        char c = line.charAt(5);
        int talker = line.charAt(1) << 8 | line.charAt(2);
        if (a == 'G' && b == 'G' && c == 'A') {
            return gga(line, state);
        }
        if (a == 'R' && b == 'M' && c == 'C') {
            return rmc(line, state);
        }
        if (a == 'G' && b == 'S' && c == 'A') {
            return gsa(line, state);
        }
        if (a == 'G' && b == 'S' && c == 'V') {
            return gsv(line, state, talker);
        }
        if (a == 'V' && b == 'T' && c == 'G') {
            return vtg(line, state);
        }
        if (a == 'G' && b == 'L' && c == 'L') {
            return gll(line, state);
        }
        return Result.IGNORED;
    }

    private void split(CharSequence line, int stop) {
        int n = 0;
        int from = 1;
        for (int i = 1; i < stop && n < MAX_FIELDS - 1; i++) {
            if (line.charAt(i) == ',') {
                start[n] = from;
                end[n++] = i;
                from = i + 1;
            }
        }
        start[n] = from;
        end[n++] = stop;
        fields = n;
    }

    private Result gga(CharSequence s, GpsState state) {
        if (fields < 10) {
            return Result.MALFORMED;
        }
        positionSentence = true;
        int quality = integer(s, 6);
        state.quality = quality;
        state.satellitesUsed = integer(s, 7);
        state.hdop = decimal(s, 8);
        if (quality == Numbers.NONE || quality == 0) {
            state.noFix();
            return Result.ACCEPTED;
        }
        state.position(coordinate(s, 2), coordinate(s, 4));
        state.altitude = decimal(s, 9);
        return Result.ACCEPTED;
    }

    private Result rmc(CharSequence s, GpsState state) {
        if (fields < 10) {
            return Result.MALFORMED;
        }
        positionSentence = true;
        if (letter(s, 2) != 'A') {
            state.noFix();
            return Result.ACCEPTED;
        }
        state.position(coordinate(s, 3), coordinate(s, 5));
        double knots = decimal(s, 7);
        state.speedKmh = Double.isNaN(knots) ? Double.NaN : knots * KNOTS_TO_KMH;
        state.course = decimal(s, 8);
        return Result.ACCEPTED;
    }

    private Result gsa(CharSequence s, GpsState state) {
        if (fields < 18) {
            return Result.MALFORMED;
        }
        state.fixDimension = integer(s, 2);
        state.pdop = decimal(s, 15);
        state.hdop = decimal(s, 16);
        state.vdop = decimal(s, 17);
        return Result.ACCEPTED;
    }

    private Result gsv(CharSequence s, GpsState state, int talker) {
        if (fields < 4) {
            return Result.MALFORMED;
        }
        int inView = integer(s, 3);
        if (inView != Numbers.NONE) {
            state.satellitesInView(talker, inView);
        }
        return Result.ACCEPTED;
    }

    private Result vtg(CharSequence s, GpsState state) {
        if (fields < 5) {
            return Result.MALFORMED;
        }
        double course;
        double knots;
        double kmh;
        if (letter(s, 2) == 'T') {
            if (fields < 9) {
                return Result.MALFORMED;
            }
            course = decimal(s, 1);
            knots = decimal(s, 5);
            kmh = decimal(s, 7);
        } else {
            // pre-3.01: course true, course magnetic, knots, km/h
            course = decimal(s, 1);
            knots = decimal(s, 3);
            kmh = decimal(s, 4);
        }
        state.course = course;
        state.speedKmh = !Double.isNaN(kmh) ? kmh : Double.isNaN(knots) ? Double.NaN : knots * KNOTS_TO_KMH;
        return Result.ACCEPTED;
    }

    private Result gll(CharSequence s, GpsState state) {
        if (fields < 7) {
            return Result.MALFORMED;
        }
        positionSentence = true;
        if (letter(s, 6) != 'A') {
            state.noFix();
            return Result.ACCEPTED;
        }
        state.position(coordinate(s, 1), coordinate(s, 3));
        return Result.ACCEPTED;
    }

    private double coordinate(CharSequence s, int field) {
        return Numbers.coordinate(decimal(s, field), letter(s, field + 1));
    }

    private double decimal(CharSequence s, int field) {
        return field < fields ? Numbers.decimal(s, start[field], end[field]) : Double.NaN;
    }

    private int integer(CharSequence s, int field) {
        return field < fields ? Numbers.integer(s, start[field], end[field]) : Numbers.NONE;
    }

    private char letter(CharSequence s, int field) {
        return field < fields && end[field] - start[field] == 1 ? s.charAt(start[field]) : 0;
    }
}
