package io.joystick.telemetry.publish.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk queue of readings waiting for the broker: order, acknowledgement, bounds, restarts and torn writes. */
class ReadingQueueTest {

    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(T0);

    @Test
    void handsOutReadingsInOrderWithTheirTimestampsAndForgetsThemOnceAcknowledged() throws IOException {
        try (ReadingQueue queue = open(100)) {
            for (int i = 0; i < 5; i++) {
                queue.append(i % 2 == 0 ? "gps" : "imu", T0.plusSeconds(i), json(i));
            }
            List<QueuedReading> out = drain(queue);
            assertEquals(5, out.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(i % 2 == 0 ? "gps" : "imu", out.get(i).sensor());
                assertEquals(T0.plusSeconds(i), out.get(i).timestamp());
                assertEquals(new String(json(i), StandardCharsets.UTF_8),
                        new String(out.get(i).json(), StandardCharsets.UTF_8));
            }
            assertEquals(5, queue.size(), "handed out is not delivered");
            out.forEach(reading -> queue.acknowledge(reading.sequence()));
            assertEquals(0, queue.size());
            assertTrue(queue.next().isEmpty());
        }
    }

    @Test
    void keepsEverythingNotAcknowledgedAcrossARestart() throws IOException {
        try (ReadingQueue queue = open(100)) {
            for (int i = 0; i < 10; i++) {
                queue.append("gps", T0.plusSeconds(i), json(i));
            }
            List<QueuedReading> sent = drain(queue);
            for (int i = 0; i < 4; i++) {
                queue.acknowledge(sent.get(i).sequence());
            }
            queue.acknowledge(sent.get(6).sequence()); // delivered, but 4 and 5 are not yet
        }
        try (ReadingQueue queue = open(100)) {
            assertEquals(6, queue.size());
            assertEquals(List.of(4, 5, 6, 7, 8, 9), indexes(drain(queue)));
        }
    }

    @Test
    void sendsAgainFromTheOldestUndeliveredAfterARewind() throws IOException {
        try (ReadingQueue queue = open(100)) {
            for (int i = 0; i < 6; i++) {
                queue.append("battery", T0.plusSeconds(i), json(i));
            }
            List<QueuedReading> first = drain(queue);
            queue.acknowledge(first.get(0).sequence());
            queue.acknowledge(first.get(1).sequence());
            queue.rewind(); // the connection dropped with 2..5 in flight
            assertEquals(List.of(2, 3, 4, 5), indexes(drain(queue)));
        }
    }

    @Test
    void dropsTheOldestOverTheCountLimitAndCountsThem() throws IOException {
        try (ReadingQueue queue = open(1500)) {
            for (int i = 0; i < 2600; i++) {
                queue.append("imu", T0.plusMillis(i), json(i));
            }
            assertEquals(1500, queue.size());
            assertEquals(1100, queue.dropped());
            List<QueuedReading> out = drain(queue);
            assertEquals(1500, out.size());
            assertEquals(1100, indexes(out).get(0));
            assertEquals(2599, indexes(out).get(1499));
            assertTrue(segments() <= 3, "delivered-over segments are deleted");
        }
    }

    @Test
    void dropsReadingsOlderThanTheAgeLimitAndCountsThem() throws IOException {
        try (ReadingQueue queue = ReadingQueue.open(dir, 50_000, Duration.ofHours(1), clock)) {
            for (int i = 0; i < 2500; i++) {
                queue.append("gps", T0.plusSeconds(i), json(i)); // 2500 s: segments of 1000
            }
            clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1200)); // everything before T0+1200 s is too old
            queue.dropExpired();
            List<QueuedReading> out = drain(queue);
            assertEquals(1200, indexes(out).get(0));
            assertEquals(1200, queue.dropped());
            assertEquals(1300, out.size());
        }
    }

    @Test
    void cutsOffALineTornByAPowerCut() throws IOException {
        try (ReadingQueue queue = open(100)) {
            for (int i = 0; i < 3; i++) {
                queue.append("gps", T0.plusSeconds(i), json(i));
            }
        }
        Path segment = segmentFiles().get(0);
        Files.write(segment, "4 deadbeef gps 17650".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        try (ReadingQueue queue = open(100)) {
            assertEquals(3, queue.size());
            queue.append("gps", T0.plusSeconds(3), json(3));
            assertEquals(List.of(0, 1, 2, 3), indexes(drain(queue)));
        }
    }

    @Test
    void refusesAReadingThatIsNotOneLine() throws IOException {
        try (ReadingQueue queue = open(100)) {
            assertThrows(IllegalArgumentException.class,
                    () -> queue.append("gps", T0, "{\"a\":\n1}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, queue.size());
        }
    }

    @Test
    void continuesTheNumberingAfterEverythingWasDelivered() throws IOException {
        try (ReadingQueue queue = open(100)) {
            queue.append("gps", T0, json(0));
            queue.acknowledge(queue.next().orElseThrow().sequence());
        }
        try (ReadingQueue queue = open(100)) {
            assertEquals(0, queue.size());
            queue.append("gps", T0.plusSeconds(1), json(1));
            assertEquals(List.of(1), indexes(drain(queue)));
        }
    }

    private ReadingQueue open(long max) throws IOException {
        return ReadingQueue.open(dir, max, DAY, clock);
    }

    private static byte[] json(int i) {
        return ("{\"i\":" + i + ",\"text\":\"reading ü " + i + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<QueuedReading> drain(ReadingQueue queue) throws IOException {
        List<QueuedReading> out = new ArrayList<>();
        Optional<QueuedReading> next;
        while ((next = queue.next()).isPresent()) {
            out.add(next.get());
        }
        return out;
    }

    private static List<Integer> indexes(List<QueuedReading> readings) {
        return readings.stream().map(r -> {
            String text = new String(r.json(), StandardCharsets.UTF_8);
            return Integer.parseInt(text.substring(5, text.indexOf(',')));
        }).toList();
    }

    private long segments() throws IOException {
        return segmentFiles().size();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
