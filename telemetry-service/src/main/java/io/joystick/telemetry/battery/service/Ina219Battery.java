package io.joystick.telemetry.battery.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import io.joystick.telemetry.reading.BatteryReading;

/**
 * An INA219 power monitor through hwmon (docs/protocols.md#4-battery-power_supply-and-ina219): bus voltage {@code in1_input} mV, current
 * {@code curr1_input} mA, power {@code power1_input} µW. The hwmon number is not stable, so the device is
 * found by {@code name} = ina219. The measured load current is what the consumption integrates.
 */
public final class Ina219Battery {

    private static final Path ROOT = Path.of("/sys/class/hwmon");

    private final Path hwmon;
    private final ConsumptionMeter meter = new ConsumptionMeter();

    public Ina219Battery(Path hwmon) {
        this.hwmon = hwmon;
    }

    /** {@code path} itself when it is the ina219's directory, else the ina219 among its subdirectories. */
    public static Optional<Path> find(Path path) {
        if (isIna219(path)) {
            return Optional.of(path);
        }
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Ina219Battery::isIna219).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Path defaultRoot() {
        return ROOT;
    }

    private static boolean isIna219(Path dir) {
        try {
            return "ina219".equals(SysfsFiles.text(dir.resolve("name")));
        } catch (IOException e) {
            return false;
        }
    }

    public Optional<BatteryReading> read() throws IOException {
        Double voltage = SysfsFiles.number(hwmon.resolve("in1_input"));
        Double current = SysfsFiles.number(hwmon.resolve("curr1_input"));
        Double microwatts = SysfsFiles.number(hwmon.resolve("power1_input"));
        if (voltage == null && current == null) {
            return Optional.empty();
        }
        Double power = microwatts != null ? Double.valueOf(microwatts / 1000)
                : voltage != null && current != null ? Math.abs(voltage * current) / 1000 : null;
        double consumption = meter.add(current == null ? null : Math.abs(current), System.nanoTime());
        return Optional
                .of(new BatteryReading(voltage, current, power, consumption, null, null, Instant.now(), "hwmon"));
    }
}
