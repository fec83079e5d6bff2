package io.joystick.fleet.ingest.service;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.joystick.fleet.reading.ValidReading;

/**
 * The timestamps of the last few readings stored per device and sensor, so that a message the broker delivers
 * again is recognised without asking the database. Bounded: {@value #PER_SENSOR} timestamps per device and
 * sensor, at most {@value #MAX_KEYS} devices and sensors (then it starts afresh); what it no longer remembers,
 * the history's unique key still refuses. Used by the writer thread only.
 */
final class RecentReadings {

    static final int PER_SENSOR = 16;
    static final int MAX_KEYS = 100_000;

    private final Map<String, Ring> recent = new HashMap<>();

    boolean contains(ValidReading reading) {
        Ring ring = recent.get(key(reading));
        return ring != null && ring.contains(micros(reading));
    }

    void add(ValidReading reading) {
        String key = key(reading);
        Ring ring = recent.get(key);
        if (ring == null) {
            if (recent.size() >= MAX_KEYS) {
                recent.clear();
            }
            ring = new Ring();
            recent.put(key, ring);
        }
        ring.add(micros(reading));
    }

    private static String key(ValidReading reading) {
        return reading.deviceId() + '/' + reading.sensor().key();
    }

    private static long micros(ValidReading reading) {
        return reading.timestamp().getEpochSecond() * 1_000_000 + reading.timestamp().getNano() / 1_000;
    }

    private static final class Ring {
        private final long[] stamps = new long[PER_SENSOR];
        private int next;

        Ring() {
            Arrays.fill(stamps, Long.MIN_VALUE);
        }

        boolean contains(long stamp) {
            for (long s : stamps) {
                if (s == stamp) {
                    return true;
                }
            }
            return false;
        }

        void add(long stamp) {
            stamps[next] = stamp;
            next = (next + 1) % PER_SENSOR;
        }
    }
}
