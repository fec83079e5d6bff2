package io.joystick.telemetry.gps.nmea;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NmeaFramerTest {

    final NmeaFramer framer = new NmeaFramer();
    final List<String> lines = new ArrayList<>();

    void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        framer.feed(bytes, bytes.length, lines::add);
    }

    @Test
    void resynchronisesOnDollarAfterGarbage() {
        feed("\u0000\u00ffnoise,,*12\r\n" + NmeaParserTest.GGA + "\r\n");
        assertEquals(List.of(NmeaParserTest.GGA), lines);
    }

    @Test
    void reassemblesASentenceSplitAcrossReads() {
        feed(NmeaParserTest.RMC.substring(0, 20));
        feed(NmeaParserTest.RMC.substring(20));
        feed("\r\n");
        assertEquals(List.of(NmeaParserTest.RMC), lines);
    }

    @Test
    void dropsAPartialSentenceWhenANewOneStarts() {
        feed("$GPGSV,3,2,12,01,40" + NmeaParserTest.GLL + "\r\r\n");
        assertEquals(List.of(NmeaParserTest.GLL), lines);
    }

    @Test
    void splitsTwoSentencesInOneRead() {
        feed(NmeaParserTest.GGA + "\r\n" + NmeaParserTest.RMC + "\n");
        assertEquals(List.of(NmeaParserTest.GGA, NmeaParserTest.RMC), lines);
    }

    @Test
    void discardsOverlongLinesAndBinaryBytes() {
        feed("$" + "9".repeat(300) + "\r\n$GPG\u0001SA,A\r\n" + NmeaParserTest.VTG + "\r\n");
        assertEquals(List.of(NmeaParserTest.VTG), lines);
    }
}
