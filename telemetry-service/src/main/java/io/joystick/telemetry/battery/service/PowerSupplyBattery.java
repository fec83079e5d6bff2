package io.joystick.telemetry.battery.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import io.joystick.telemetry.reading.BatteryReading;

/**
 * A battery through Linux {@code power_supply} sysfs (docs/protocols.md#4-battery-power_supply-and-ina219): {@code voltage_now} µV,
 * {@code current_now} µA (negative while discharging per the ABI; reported with its sign), {@code power_now}
 * µW (else voltage × current), {@code capacity} %, {@code status}. Consumption integrates the current while
 * the status is not Charging/Full.
 */
public final class PowerSupplyBattery {

    private static final Path ROOT = Path.of("/sys/class/power_supply");

    private final Path supply;
    private final ConsumptionMeter meter = new ConsumptionMeter();

    public PowerSupplyBattery(Path supply) {
        this.supply = supply;
    }

    /** The first supply of type Battery under {@code root}. */
    public static Optional<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> supplies = Files.list(root)) {
            return supplies.filter(s -> {
                try {
                    return "Battery".equals(SysfsFiles.text(s.resolve("type")));
                } catch (IOException e) {
                    return false;
                }
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Path defaultRoot() {
        return ROOT;
    }

    public Optional<BatteryReading> read() throws IOException {
        Double microvolts = SysfsFiles.number(supply.resolve("voltage_now"));
        Double microamps = SysfsFiles.number(supply.resolve("current_now"));
        Double microwatts = SysfsFiles.number(supply.resolve("power_now"));
        Double capacity = SysfsFiles.number(supply.resolve("capacity"));
        String status = SysfsFiles.text(supply.resolve("status"));
        if (microvolts == null && microamps == null && capacity == null) {
            return Optional.empty();
        }
        Double voltage = microvolts == null ? null : microvolts / 1000;
        Double current = microamps == null ? null : microamps / 1000;
        Double power = microwatts != null ? Double.valueOf(microwatts / 1000)
                : voltage != null && current != null ? Math.abs(voltage * current) / 1000 : null;
        boolean charging = "Charging".equals(status) || "Full".equals(status);
        double consumption = meter.add(current == null ? null : charging ? 0 : Math.abs(current), System.nanoTime());
        return Optional.of(new BatteryReading(voltage, current, power, consumption,
                capacity == null ? null : capacity.intValue(), status, Instant.now(), "sysfs"));
    }
}
