package io.joystick.telemetry.imu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.joystick.telemetry.imu.witmotion.WitMotionDecoder;
import io.joystick.telemetry.reading.ImuReading;

/** The constructed frames of docs/protocols.md#3-witmotion-serial-imu (SUMs recomputed there). */
class WitMotionDecoderTest {

    static final String ACCEL = "55510000000000 08CE0985".replace(" ", "");
    static final String ANGLE = "55531C0772FC004000 0079".replace(" ", "");

    final WitMotionDecoder decoder = new WitMotionDecoder();
    final List<ImuReading> readings = new ArrayList<>();

    void feed(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        decoder.feed(bytes, bytes.length, readings::add);
    }

    @Test
    void decodesAccelerationAndTemperature() {
        feed(ACCEL);
        assertEquals(1, readings.size());
        ImuReading reading = readings.get(0);
        assertEquals(0.0, reading.x(), 1e-9);
        assertEquals(0.0, reading.y(), 1e-9);
        assertEquals(1.0, reading.z(), 1e-9);
        assertEquals(25.10, reading.temperature(), 1e-9);
        assertNull(reading.angle());
    }

    @Test
    void decodesAnglesWithSignExtension() {
        feed(ANGLE);
        feed(ACCEL);
        ImuReading.Angle angle = readings.get(0).angle();
        assertEquals(10.0, angle.roll(), 0.01);
        assertEquals(-5.0, angle.pitch(), 0.01);
        assertEquals(90.0, angle.yaw(), 1e-9);
    }

    @Test
    void resynchronisesByOneByteAfterGarbageAndBadSums() {
        String badSum = ACCEL.substring(0, ACCEL.length() - 2) + "86";
        // a stray 0x55 and a frame with a wrong sum before the good one
        feed("0155" + badSum + "55" + ACCEL);
        assertEquals(1, readings.size());
        assertEquals(1.0, readings.get(0).z(), 1e-9);
    }

    @Test
    void reassemblesFramesSplitAcrossReads() {
        feed(ACCEL.substring(0, 8));
        feed(ACCEL.substring(8));
        assertEquals(1, readings.size());
    }

    @Test
    void decodesGyro() {
        // gx = 0x4000 → 1000 °/s, gy = 0xC000 → -1000 °/s, gz = 0
        byte[] frame = HexFormat.of().parseHex("5552004000C00000000000");
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += frame[i] & 0xff;
        }
        frame[10] = (byte) sum;
        decoder.feed(frame, frame.length, readings::add);
        feed(ACCEL);
        assertEquals(1000.0, readings.get(0).gyro().x(), 1e-9);
        assertEquals(-1000.0, readings.get(0).gyro().y(), 1e-9);
    }
}
