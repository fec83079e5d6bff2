package io.joystick.telemetry.imu.witmotion;

import java.time.Instant;

import io.joystick.telemetry.reading.ImuReading;

/**
 * WitMotion (WT901/JY901) 11-byte frames {@code 55 type D0L D0H … D3L D3H SUM} (docs/protocols.md#3-witmotion-serial-imu): on a bad
 * header or checksum it drops one byte and looks again, as the vendor's C SDK does. Acceleration (0x51) in g
 * (±16 g full scale) with the temperature, gyro (0x52) in °/s (±2000), angles (0x53) in ° (±180); each
 * acceleration frame completes a reading with the latest gyro and angles. Not thread-safe: one per port.
 */
public final class WitMotionDecoder {

    public interface ReadingSink {
        void accept(ImuReading reading);
    }

    private static final int FRAME = 11;

    private final byte[] buffer = new byte[256];
    private int length;
    private double ax = Double.NaN;
    private double ay;
    private double az;
    private Double temperature;
    private ImuReading.Vector gyro;
    private ImuReading.Angle angle;

    public void feed(byte[] data, int count, ReadingSink sink) {
        for (int i = 0; i < count; i++) {
            if (length == buffer.length) {
                System.arraycopy(buffer, 1, buffer, 0, --length);
            }
            buffer[length++] = data[i];
            drain(sink);
        }
    }

    private void drain(ReadingSink sink) {
        while (length >= FRAME) {
            if ((buffer[0] & 0xff) != 0x55 || !sumMatches()) {
                shift(1);
                continue;
            }
            decode(sink);
            shift(FRAME);
        }
        // a header in the middle of too few bytes: keep waiting; garbage before it goes now
        int firstHeader = 0;
        while (firstHeader < length && (buffer[firstHeader] & 0xff) != 0x55) {
            firstHeader++;
        }
        if (firstHeader > 0) {
            shift(firstHeader);
        }
    }

    private boolean sumMatches() {
        int sum = 0;
        for (int i = 0; i < FRAME - 1; i++) {
            sum += buffer[i] & 0xff;
        }
        return (sum & 0xff) == (buffer[FRAME - 1] & 0xff);
    }

    private void decode(ReadingSink sink) {
        int type = buffer[1] & 0xff;
        switch (type) {
            case 0x51 -> {
                ax = word(0) / 32768.0 * 16;
                ay = word(1) / 32768.0 * 16;
                az = word(2) / 32768.0 * 16;
                temperature = word(3) / 100.0;
                sink.accept(new ImuReading(ax, ay, az, gyro, angle, temperature, Instant.now(), "witmotion"));
            }
            case 0x52 -> gyro = new ImuReading.Vector(word(0) / 32768.0 * 2000, word(1) / 32768.0 * 2000,
                    word(2) / 32768.0 * 2000);
            case 0x53 -> angle = new ImuReading.Angle(word(0) / 32768.0 * 180, word(1) / 32768.0 * 180,
                    word(2) / 32768.0 * 180);
            default -> {
                // time, magnetometer, quaternion, register reads: not reported
            }
        }
    }

    /** Signed little-endian int16 number {@code n} of the frame's four. */
    private int word(int n) {
        int low = buffer[2 + 2 * n] & 0xff;
        int high = buffer[3 + 2 * n];
        return (short) (high << 8 | low);
    }

    private void shift(int count) {
        System.arraycopy(buffer, count, buffer, 0, length - count);
        length -= count;
    }
}
