package io.joystick.telemetry.gps.nmea;

import java.time.Instant;

import io.joystick.telemetry.reading.GpsReading;

/**
 * What the receiver has said so far, merged across sentence types (GGA gives altitude and satellites, RMC
 * speed, GSA the fix dimension…). NaN / {@link Numbers#NONE} = no value. Not thread-safe: one per reader.
 */
public final class GpsState {

    double latitude = Double.NaN;
    double longitude = Double.NaN;
    double altitude = Double.NaN;
    double speedKmh = Double.NaN;
    double course = Double.NaN;
    double hdop = Double.NaN;
    double pdop = Double.NaN;
    double vdop = Double.NaN;
    int satellitesUsed = Numbers.NONE;
    int quality = Numbers.NONE;
    /** From GSA: 1 none, 2 2D, 3 3D; NONE until a GSA arrives. */
    int fixDimension = Numbers.NONE;
    boolean positionValid;
    /** Satellites in view per talker (GSV), keyed by the two talker letters. */
    private final int[] inViewTalker = new int[8];
    private final int[] inViewCount = new int[8];

    /** Without a fix nothing derived from one holds: position, altitude, speed and course go together. */
    void noFix() {
        positionValid = false;
        latitude = Double.NaN;
        longitude = Double.NaN;
        altitude = Double.NaN;
        speedKmh = Double.NaN;
        course = Double.NaN;
    }

    void position(double lat, double lon) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            noFix();
            return;
        }
        latitude = lat;
        longitude = lon;
        positionValid = true;
    }

    void satellitesInView(int talker, int count) {
        for (int i = 0; i < inViewTalker.length; i++) {
            if (inViewTalker[i] == talker || inViewTalker[i] == 0) {
                inViewTalker[i] = talker;
                inViewCount[i] = count;
                return;
            }
        }
    }

    public boolean hasFix() {
        return positionValid;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public double altitude() {
        return altitude;
    }

    public double speedKmh() {
        return speedKmh;
    }

    public double course() {
        return course;
    }

    public double hdop() {
        return hdop;
    }

    public double pdop() {
        return pdop;
    }

    public double vdop() {
        return vdop;
    }

    public int satellitesUsed() {
        return satellitesUsed;
    }

    public int quality() {
        return quality;
    }

    public int fixDimension() {
        return fixDimension;
    }

    /** Total over every constellation's GSV group. */
    public int satellitesInView() {
        int total = 0;
        for (int i = 0; i < inViewTalker.length && inViewTalker[i] != 0; i++) {
            total += inViewCount[i];
        }
        return total;
    }

    /** {@code none}, {@code 2d} or {@code 3d}: GSA's dimension when it came, else 3d when GGA gave an altitude. */
    public String fix() {
        if (!positionValid || fixDimension == 1) {
            return "none";
        }
        if (fixDimension == 2 || fixDimension == 3) {
            return fixDimension + "d";
        }
        return Double.isNaN(altitude) ? "2d" : "3d";
    }

    public GpsReading toReading(Instant at, String source) {
        boolean fixed = positionValid;
        return new GpsReading(fixed ? latitude : null, fixed ? longitude : null, fixed ? boxed(altitude) : null,
                fixed ? boxed(speedKmh) : null, fixed ? boxed(course) : null,
                satellitesUsed == Numbers.NONE ? null : satellitesUsed, boxed(hdop), fix(), at, source);
    }

    private static Double boxed(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
