package io.joystick.telemetry.imu.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import io.joystick.telemetry.reading.ImuReading;

/**
 * An IMU through Linux IIO sysfs (docs/protocols.md#5-iio-imus): value = (raw + offset) × scale, with a per-axis or shared
 * {@code _scale}/{@code _offset} ({@code _offset} absent = 0). Acceleration m/s² → g, angular velocity
 * rad/s → °/s. IIO gives no orientation, so {@code angle} is null.
 */
public final class IioImu {

    private static final double STANDARD_GRAVITY = 9.80665;
    private static final Path DEVICES = Path.of("/sys/bus/iio/devices");

    private final Path device;

    public IioImu(Path device) {
        this.device = device;
    }

    /** The first IIO device with an accelerometer, under {@code root}. */
    public static Optional<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> devices = Files.list(root)) {
            return devices.filter(d -> Files.exists(d.resolve("in_accel_x_raw"))).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Path defaultRoot() {
        return DEVICES;
    }

    public Optional<ImuReading> read() throws IOException {
        Double x = channel("accel", "x");
        Double y = channel("accel", "y");
        Double z = channel("accel", "z");
        if (x == null && y == null && z == null) {
            return Optional.empty();
        }
        Double gx = channel("anglvel", "x");
        Double gy = channel("anglvel", "y");
        Double gz = channel("anglvel", "z");
        ImuReading.Vector gyro = gx == null || gy == null || gz == null ? null
                : new ImuReading.Vector(Math.toDegrees(gx), Math.toDegrees(gy), Math.toDegrees(gz));
        Double temperature = channel("temp", null);
        return Optional.of(new ImuReading(g(x), g(y), g(z), gyro, null,
                temperature == null ? null : temperature / 1000, Instant.now(), "iio"));
    }

    private static Double g(Double metresPerSecond2) {
        return metresPerSecond2 == null ? null : metresPerSecond2 / STANDARD_GRAVITY;
    }

    /** {@code in_<type>_<axis>_raw} scaled; null when the device has no such channel. */
    private Double channel(String type, String axis) throws IOException {
        String base = axis == null ? "in_" + type : "in_" + type + "_" + axis;
        Double raw = number(device.resolve(base + "_raw"));
        if (raw == null) {
            return null;
        }
        Double offset = first(base + "_offset", "in_" + type + "_offset");
        Double scale = first(base + "_scale", "in_" + type + "_scale");
        return (raw + (offset == null ? 0 : offset)) * (scale == null ? 1 : scale);
    }

    private Double first(String own, String shared) throws IOException {
        Double value = number(device.resolve(own));
        return value != null ? value : number(device.resolve(shared));
    }

    static Double number(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = Files.readString(file).strip();
        try {
            return text.isEmpty() ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
