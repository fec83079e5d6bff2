package io.joystick.telemetry.serial.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialLinkTest {

    @TempDir
    Path dir;

    static final class Collector implements SerialLink.Listener {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void onBytes(byte[] data, int count) {
            bytes.write(data, 0, count);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void readsWhatTheDeviceSendsAndResumesAfterUnplugAndReplug() {
        try (PtyPair pair = PtyPair.started(dir, "ttyGPS");
                SerialLink link = new SerialLink(pair.device().toString(), 9600, Duration.ofMillis(100))) {
            Collector collector = new Collector();
            link.addListener(collector);
            link.start();
            await().atMost(Duration.ofSeconds(10)).until(link::isOpen);
            pair.write("first\r\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> collector.text().contains("first"));

            pair.unplug();
            await().atMost(Duration.ofSeconds(10)).until(() -> !link.isOpen());
            pair.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> link.isOpen() && link.openedCount() == 2);
            pair.write("second\r\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> collector.text().contains("second"));
        }
    }

    @Test
    void waitsForAPortThatDoesNotExistYet() {
        PtyPair pair = new PtyPair(dir, "ttyLate");
        try (SerialLink link = new SerialLink(pair.device().toString(), 115200, Duration.ofMillis(100))) {
            Collector collector = new Collector();
            link.addListener(collector);
            link.start();
            assertFalse(link.isOpen());
            pair.start();
            await().atMost(Duration.ofSeconds(10)).until(link::isOpen);
            pair.write("hello\r\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> collector.text().contains("hello"));
        } finally {
            pair.close();
        }
    }

    @Test
    void givesOnePortOneOwner() {
        try (PtyPair pair = PtyPair.started(dir, "ttyModem");
                SerialPorts ports = new SerialPorts(Duration.ofMillis(100))) {
            SerialLink first = ports.link(pair.device().toString(), 115200);
            SerialLink second = ports.link(dir.resolve(".").resolve("ttyModem").toString(), 115200);
            assertSame(first, second);
            assertEquals(1, ports.size());
        }
    }
}
