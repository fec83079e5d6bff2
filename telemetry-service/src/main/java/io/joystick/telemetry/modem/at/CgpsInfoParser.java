package io.joystick.telemetry.modem.at;

import java.time.Instant;
import java.util.List;

import io.joystick.telemetry.gps.nmea.Numbers;
import io.joystick.telemetry.reading.GpsReading;

/**
 * SIMCom {@code +CGPSINFO: <lat>,<N/S>,<lon>,<E/W>,<ddmmyy>,<hhmmss.s>,<alt m>,<speed knots>,<course>}; all
 * empty when there is no fix. It has no checksum; the coordinates are {@code ddmm.mmmmmm}.
 */
public final class CgpsInfoParser {

    public static final String PREFIX = "+CGPSINFO:";

    private CgpsInfoParser() {
    }

    public static GpsReading parse(List<String> lines, Instant at, String source) {
        for (String line : lines) {
            if (line.strip().startsWith(PREFIX)) {
                return parseLine(line, at, source);
            }
        }
        return null;
    }

    public static GpsReading parseLine(String line, Instant at, String source) {
        Fields f = Fields.of(line, PREFIX);
        Double lat = coordinate(f, 0);
        Double lon = coordinate(f, 2);
        if (lat == null || lon == null) {
            return new GpsReading(null, null, null, null, null, null, null, "none", at, source);
        }
        Double knots = f.decimal(7);
        Double altitude = f.decimal(6);
        return new GpsReading(lat, lon, altitude, knots == null ? null : knots * 1.852, f.decimal(8), null, null,
                altitude == null ? "2d" : "3d", at, source);
    }

    private static Double coordinate(Fields f, int index) {
        String value = f.text(index);
        String hemisphere = f.text(index + 1);
        if (value == null || hemisphere == null || hemisphere.length() != 1) {
            return null;
        }
        double degrees = Numbers.coordinate(Numbers.decimal(value, 0, value.length()), hemisphere.charAt(0));
        return Double.isNaN(degrees) ? null : degrees;
    }
}
