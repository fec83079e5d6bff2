package io.joystick.telemetry.imu;

import static io.joystick.telemetry.SysfsFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.joystick.telemetry.imu.service.IioImu;
import io.joystick.telemetry.reading.ImuReading;

/** Linux IIO against a fixture tree: (raw + offset) × scale, per-axis or shared scale. */
class IioImuTest {

    @TempDir
    Path devices;

    @Test
    void scalesRawValuesIntoGAndDegreesPerSecond() throws IOException {
        write(devices.resolve("iio:device0/name"), "bmp280");
        Path imu = devices.resolve("iio:device1");
        write(imu.resolve("name"), "mpu6050");
        write(imu.resolve("in_accel_x_raw"), "0");
        write(imu.resolve("in_accel_y_raw"), "-8192");
        write(imu.resolve("in_accel_z_raw"), "16384");
        write(imu.resolve("in_accel_scale"), "0.000598550");
        write(imu.resolve("in_anglvel_x_raw"), "131");
        write(imu.resolve("in_anglvel_y_raw"), "0");
        write(imu.resolve("in_anglvel_z_raw"), "0");
        write(imu.resolve("in_anglvel_scale"), "0.000133090");
        write(imu.resolve("in_temp_raw"), "1000");
        write(imu.resolve("in_temp_offset"), "12420");
        write(imu.resolve("in_temp_scale"), "2.941176");

        assertEquals(imu, IioImu.find(devices).orElseThrow());
        ImuReading reading = new IioImu(imu).read().orElseThrow();
        assertEquals(0.0, reading.x(), 1e-9);
        assertEquals(-0.5, reading.y(), 1e-3);
        assertEquals(1.0, reading.z(), 1e-3);
        assertEquals(Math.toDegrees(131 * 0.000133090), reading.gyro().x(), 1e-9);
        assertEquals((1000 + 12420) * 2.941176 / 1000, reading.temperature(), 1e-9);
        assertNull(reading.angle());
        assertEquals("iio", reading.source());
    }

    @Test
    void usesPerAxisScaleAndOffsetBeforeTheSharedOne() throws IOException {
        Path imu = devices.resolve("iio:device0");
        write(imu.resolve("in_accel_x_raw"), "100");
        write(imu.resolve("in_accel_x_offset"), "-100");
        write(imu.resolve("in_accel_x_scale"), "1");
        write(imu.resolve("in_accel_scale"), "9.80665");
        write(imu.resolve("in_accel_z_raw"), "1");
        ImuReading reading = new IioImu(imu).read().orElseThrow();
        assertEquals(0.0, reading.x(), 1e-12);
        assertEquals(1.0, reading.z(), 1e-12);
        assertNull(reading.y());
        assertNull(reading.gyro());
    }

    @Test
    void aDeviceWithoutAccelerometerIsNotAnImu() throws IOException {
        write(devices.resolve("iio:device0/in_temp_raw"), "1");
        assertTrue(IioImu.find(devices).isEmpty());
    }
}
