package io.joystick.telemetry.gps.nmea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {

    static double decimal(String s) {
        return Numbers.decimal(s, 0, s.length());
    }

    @Test
    void convertsDegreesAndMinutesAsProtocolsSays() {
        assertEquals(47.6619817, Numbers.coordinate(4739.71890, 'N'), 1e-7);
        assertEquals(-122.3263937, Numbers.coordinate(12219.58362, 'W'), 1e-7);
        assertEquals(-33.5, Numbers.coordinate(3330.0, 'S'), 1e-9);
        assertTrue(Double.isNaN(Numbers.coordinate(3330.0, 'X')));
    }

    @Test
    void parsesDecimalsInPlace() {
        assertEquals(-21.6, decimal("-21.6"), 1e-12);
        assertEquals(12219.58362, decimal("12219.58362"), 1e-9);
        assertEquals(7, decimal("7"), 0);
        assertEquals(0.5, decimal(".5"), 0);
        assertTrue(Double.isNaN(decimal("")));
        assertTrue(Double.isNaN(decimal("-")));
        assertTrue(Double.isNaN(decimal("1.2.3")));
        assertTrue(Double.isNaN(decimal("1e5")));
    }

    @Test
    void parsesIntegersInPlace() {
        assertEquals(14, Numbers.integer("14", 0, 2));
        assertEquals(-3, Numbers.integer("-3", 0, 2));
        assertEquals(Numbers.NONE, Numbers.integer("", 0, 0));
        assertEquals(Numbers.NONE, Numbers.integer("1a", 0, 2));
    }
}
