package io.joystick.telemetry.gps.nmea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.joystick.telemetry.gps.nmea.NmeaParser.Result;
import io.joystick.telemetry.reading.GpsReading;

/** The verified sentences of docs/protocols.md#1-nmea-0183 and the quirks it lists. */
class NmeaParserTest {

    static final String RMC = "$GNRMC,055234.200,A,4739.71890,N,12219.58362,W,0.00,286.35,050826,,,A,V*11";
    static final String GGA = "$GNGGA,055234.200,4739.71890,N,12219.58362,W,1,14,0.9,76.5,M,-21.6,M,,*4A";
    static final String GSA = "$GNGSA,A,3,02,07,14,15,17,20,22,30,,,,,1.5,0.9,1.2,1*3C";
    static final String GSV = "$GPGSV,3,3,12,20,47,263,22,22,78,280,15,24,07,305,,30,57,127,31,0*61";
    static final String RMC_NO_FIX = "$GNRMC,074150.799,V,,,,,,,250215,,,N*52";
    static final String RMC_NO_FIX_GP = "$GPRMC,,V,,,,,,,,,,N*53";
    static final String GGA_NO_FIX = "$GNGGA,074150.799,,,,,0,00,,,M,0.0,M,,0000,*64";
    static final String VTG = "$GNVTG,286.35,T,,M,0.00,N,0.00,K,A*29";
    static final String GLL = "$GNGLL,4739.71890,N,12219.58362,W,055234.200,A,A*5F";

    final NmeaParser parser = new NmeaParser();
    final GpsState state = new GpsState();

    @ParameterizedTest
    @ValueSource(strings = {RMC, GGA, GSA, GSV, RMC_NO_FIX, VTG, GLL, RMC_NO_FIX_GP, GGA_NO_FIX})
    void acceptsEveryVerifiedSentence(String sentence) {
        assertEquals(Result.ACCEPTED, parser.parse(sentence, state));
    }

    @Test
    void readsPositionSpeedAndCourseFromRmc() {
        assertEquals(Result.ACCEPTED, parser.parse(RMC, state));
        assertTrue(parser.positionSentence());
        assertEquals(47.6619817, state.latitude(), 1e-7);
        assertEquals(-122.3263937, state.longitude(), 1e-7);
        assertEquals(0.0, state.speedKmh(), 1e-9);
        assertEquals(286.35, state.course(), 1e-9);
    }

    @Test
    void readsAltitudeSatellitesAndHdopFromGgaBeyondTwelveSatellites() {
        parser.parse(GGA, state);
        assertEquals(47.6619817, state.latitude(), 1e-7);
        assertEquals(-122.3263937, state.longitude(), 1e-7);
        assertEquals(1, state.quality());
        assertEquals(14, state.satellitesUsed());
        assertEquals(0.9, state.hdop(), 1e-9);
        assertEquals(76.5, state.altitude(), 1e-9);
        assertEquals("3d", state.fix());
    }

    @Test
    void indexesGsaFromTheFrontDespiteTheSystemId() {
        parser.parse(GSA, state);
        assertEquals(3, state.fixDimension());
        assertEquals(1.5, state.pdop(), 1e-9);
        assertEquals(0.9, state.hdop(), 1e-9);
        assertEquals(1.2, state.vdop(), 1e-9);
    }

    @Test
    void countsSatellitesInViewPerConstellation() {
        parser.parse(GSV, state);
        parser.parse(withChecksum("GLGSV,1,1,04,65,20,100,30,66,30,200,,67,40,300,25,68,50,10,"), state);
        assertEquals(16, state.satellitesInView());
        parser.parse(GSV, state);
        assertEquals(16, state.satellitesInView());
    }

    @Test
    void readsVtgAndGll() {
        parser.parse(VTG, state);
        assertEquals(286.35, state.course(), 1e-9);
        assertEquals(0.0, state.speedKmh(), 1e-9);
        parser.parse(GLL, state);
        assertTrue(state.hasFix());
        assertEquals(47.6619817, state.latitude(), 1e-7);
    }

    @Test
    void readsThePre301VtgForm() {
        assertEquals(Result.ACCEPTED, parser.parse(withChecksum("GPVTG,054.7,034.4,005.5,010.2"), state));
        assertEquals(54.7, state.course(), 1e-9);
        assertEquals(10.2, state.speedKmh(), 1e-9);
    }

    @Test
    void emptyCourseWhenStationaryIsNoValue() {
        parser.parse(withChecksum("GNVTG,,T,,M,0.040,N,0.074,K,A"), state);
        assertTrue(Double.isNaN(state.course()));
        assertEquals(0.074, state.speedKmh(), 1e-9);
    }

    @Test
    void noFixSentencesClearThePositionInsteadOfReportingZero() {
        parser.parse(RMC, state);
        assertTrue(state.hasFix());
        assertEquals(Result.ACCEPTED, parser.parse(RMC_NO_FIX, state));
        assertFalse(state.hasFix());
        GpsReading reading = state.toReading(Instant.EPOCH, "nmea");
        assertNull(reading.latitude());
        assertNull(reading.longitude());
        assertEquals("none", reading.fix());
        assertNull(reading.speed());
        assertNull(reading.course());

        parser.parse(GGA, state);
        assertTrue(state.hasFix());
        assertEquals(Result.ACCEPTED, parser.parse(GGA_NO_FIX, state));
        assertFalse(state.hasFix());
        assertTrue(Double.isNaN(state.altitude()));
        assertEquals(0, state.satellitesUsed());
        assertTrue(Double.isNaN(state.hdop()));

        parser.parse(RMC, state);
        assertEquals(Result.ACCEPTED, parser.parse(RMC_NO_FIX_GP, state));
        assertFalse(state.hasFix());
    }

    @Test
    void comparesTheChecksumCaseInsensitively() {
        assertEquals(Result.ACCEPTED, parser.parse(GGA.replace("*4A", "*4a"), state));
        assertEquals(Result.ACCEPTED, parser.parse(GSA.replace("*3C", "*3c"), state));
    }

    @Test
    void refusesABadChecksum() {
        assertEquals(Result.BAD_CHECKSUM, parser.parse(RMC.replace("*11", "*12"), state));
        assertEquals(Result.BAD_CHECKSUM, parser.parse(RMC.replace("4739", "4738"), state));
        assertFalse(state.hasFix());
    }

    @Test
    void refusesTheDocumentationCommentsWrongChecksum() {
        // gpsd's comment claims *68; the line really sums to 0x2B (docs/protocols.md warning)
        String comment = "$GPRMC,225446.33,A,4916.45,N,12311.12,W,000.5,054.7,191194,020.3,E,A";
        assertEquals(Result.BAD_CHECKSUM, parser.parse(comment + "*68", state));
        assertEquals(Result.ACCEPTED, parser.parse(comment + "*2B", state));
    }

    @Test
    void refusesSentencesWithoutChecksum() {
        assertEquals(Result.NO_CHECKSUM,
                parser.parse("$GNRMC,055234.200,A,4739.71890,N,12219.58362,W,0.00,286.35,050826,,,A,V", state));
        assertFalse(state.hasFix());
    }

    @Test
    void acceptsLineEndingsIncludingDoubleCarriageReturn() {
        assertEquals(Result.ACCEPTED, parser.parse(GGA + "\r\r\n", state));
    }

    @Test
    void dispatchesOnTheTypeWhateverTheTalker() {
        for (String talker : new String[] {"GP", "GL", "GA", "BD", "GB", "GQ"}) {
            GpsState fresh = new GpsState();
            assertEquals(Result.ACCEPTED,
                    parser.parse(withChecksum(GGA.substring(1, GGA.indexOf('*')).replace("GN", talker)), fresh));
            assertTrue(fresh.hasFix(), talker);
        }
    }

    @Test
    void ignoresProprietaryAndUnknownSentences() {
        assertEquals(Result.IGNORED, parser.parse(withChecksum("PUBX,00,081350.00,4717.113210,N"), state));
        assertEquals(Result.IGNORED, parser.parse(withChecksum("GPZDA,201530.00,04,07,2002,00,00"), state));
    }

    @Test
    void refusesGarbageAndOverlongLines() {
        assertEquals(Result.MALFORMED, parser.parse("garbage", state));
        assertEquals(Result.MALFORMED, parser.parse("$" + "A".repeat(200) + "*00", state));
        assertEquals(Result.MALFORMED, parser.parse(withChecksum("GPGGA,1"), state));
    }

    /** Builds a sentence with its correct checksum. */
    static String withChecksum(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        return "$" + body + String.format("*%02X", sum);
    }
}
