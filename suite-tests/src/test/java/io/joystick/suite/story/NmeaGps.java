package io.joystick.suite.story;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GPS receiver on a real pseudo-terminal made by socat: {@link #device()} is what the edge opens (as it would
 * /dev/ttyUSB1); the other end gets a GGA fix every {@value #PERIOD_MILLIS} ms. Fix number n lies at latitude
 * 47° (10 + n / 100)′ N, so a stored reading tells which fix it was ({@link #fixNumber}).
 */
public final class NmeaGps implements AutoCloseable {

    static final long PERIOD_MILLIS = 500;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HHmmss.SS");

    private final Path device;
    private final Path peer;
    private final Process socat;
    private final OutputStream out;
    private final AtomicInteger written = new AtomicInteger();
    private final List<Long> writtenAt = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

    public NmeaGps(Path directory) throws Exception {
        Files.createDirectories(directory);
        device = directory.resolve("gps");
        peer = directory.resolve("gps-peer");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + peer)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(device) && Files.exists(peer))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("socat did not create " + device + " (apt-get install socat)");
            }
            Thread.sleep(10);
        }
        out = new FileOutputStream(peer.toFile());
        writer.scheduleAtFixedRate(this::writeNextFix, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Path device() {
        return device;
    }

    /**
     * The environment of a device's edge (telemetry-service) that reads this receiver and publishes every fix with
     * the broker account fleet-service issued ({@code POST /api/fleet/devices/{id}/credentials}).
     */
    public Map<String, String> edgeEnvironment(String deviceId, JsonNode account) {
        Map<String, String> env = new HashMap<>();
        env.put("TELEMETRY_GPS_SOURCE", "nmea");
        env.put("TELEMETRY_GPS_PORT", device.toString());
        env.put("TELEMETRY_REOPEN_DELAY", "100ms");
        env.put("TELEMETRY_PUBLISH_URL", account.path("url").asText());
        env.put("TELEMETRY_PUBLISH_DEVICE_ID", deviceId);
        env.put("TELEMETRY_PUBLISH_USERNAME", account.path("username").asText());
        env.put("TELEMETRY_PUBLISH_PASSWORD", account.path("password").asText());
        // At most one reading per sensor this often: every fix (one per 500 ms) is taken.
        env.put("TELEMETRY_PUBLISH_INTERVAL", "200ms");
        env.put("TELEMETRY_PUBLISH_RECONNECT_INITIAL_DELAY", "200ms");
        env.put("TELEMETRY_PUBLISH_RECONNECT_MAX_DELAY", "1s");
        return env;
    }

    /** How many fixes were written so far; the next one has this number. */
    public int written() {
        return written.get();
    }

    /** When fix number {@code n} was written (epoch milliseconds). */
    public long writtenAt(int n) {
        return writtenAt.get(n);
    }

    public static int fixNumber(double latitude) {
        return (int) Math.round(((latitude - 47) * 60 - 10) * 100);
    }

    private void writeNextFix() {
        int n = written.get();
        String body = String.format(Locale.ROOT, "GPGGA,%s,47%08.5f,N,01324.00000,E,1,09,0.9,34.0,M,45.0,M,,",
                LocalTime.now(ZoneOffset.UTC).format(UTC_TIME), 10 + n / 100.0);
        int checksum = 0;
        for (char c : body.toCharArray()) {
            checksum ^= c;
        }
        try {
            out.write(String.format("$%s*%02X\r\n", body, checksum).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            writtenAt.add(System.currentTimeMillis());
            written.incrementAndGet();
        } catch (IOException e) {
            // the edge has not opened the port yet, or was killed: the fix is not counted
        }
    }

    @Override
    public void close() throws Exception {
        // socat first: a write blocked on a full terminal buffer then fails instead of hanging
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
        writer.shutdownNow();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        out.close();
    }
}
