package io.joystick.switcher.health.service;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One replica's share of the devices, {@code JOYSTICK_SWITCHER_SHARD=i/n}: a device belongs to shard
 * {@code CRC32(UTF-8 bytes of its id) mod n}. CRC32 is fixed by its standard, so every replica, on any
 * JVM, agrees on the split without talking to the others.
 */
public record Shard(int index, int count) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    public static Shard parse(String value) {
        Matcher m = FORMAT.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "JOYSTICK_SWITCHER_SHARD must look like i/n (e.g. 0/2), got '" + value + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static int of(String deviceId, int count) {
        CRC32 crc = new CRC32();
        crc.update(deviceId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count);
    }

    public boolean owns(String deviceId) {
        return of(deviceId, count) == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
