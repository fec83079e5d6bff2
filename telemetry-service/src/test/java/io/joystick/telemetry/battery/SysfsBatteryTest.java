package io.joystick.telemetry.battery;

import static io.joystick.telemetry.SysfsFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.joystick.telemetry.battery.service.ConsumptionMeter;
import io.joystick.telemetry.battery.service.Ina219Battery;
import io.joystick.telemetry.battery.service.PowerSupplyBattery;
import io.joystick.telemetry.reading.BatteryReading;

/** power_supply and hwmon (INA219) against fixture trees laid out like /sys. */
class SysfsBatteryTest {

    @TempDir
    Path sys;

    @Test
    void readsAPowerSupplyInItsClassUnits() throws IOException {
        Path root = sys.resolve("class/power_supply");
        write(root.resolve("AC/type"), "Mains");
        Path bat = root.resolve("BAT0");
        write(bat.resolve("type"), "Battery");
        write(bat.resolve("voltage_now"), "12400000");
        write(bat.resolve("current_now"), "-850000");
        write(bat.resolve("capacity"), "76");
        write(bat.resolve("status"), "Discharging");

        assertEquals(bat, PowerSupplyBattery.find(root).orElseThrow());
        BatteryReading reading = new PowerSupplyBattery(bat).read().orElseThrow();
        assertEquals(12400.0, reading.voltage());
        assertEquals(-850.0, reading.current());
        assertEquals(10540.0, reading.power(), 1e-6);
        assertEquals(76, reading.capacity());
        assertEquals("Discharging", reading.status());
        assertEquals("sysfs", reading.source());
    }

    @Test
    void prefersPowerNowAndToleratesAbsentAttributes() throws IOException {
        Path bat = sys.resolve("BAT1");
        write(bat.resolve("voltage_now"), "3700000");
        write(bat.resolve("power_now"), "1850000");
        BatteryReading reading = new PowerSupplyBattery(bat).read().orElseThrow();
        assertEquals(1850.0, reading.power());
        assertNull(reading.current());
        assertNull(reading.capacity());
    }

    @Test
    void findsTheIna219WhateverItsHwmonNumber() throws IOException {
        Path root = sys.resolve("class/hwmon");
        write(root.resolve("hwmon0/name"), "cpu_thermal");
        Path ina = root.resolve("hwmon3");
        write(ina.resolve("name"), "ina219");
        write(ina.resolve("in1_input"), "12012");
        write(ina.resolve("curr1_input"), "640");
        write(ina.resolve("power1_input"), "7680000");

        assertEquals(ina, Ina219Battery.find(root).orElseThrow());
        assertEquals(ina, Ina219Battery.find(ina).orElseThrow());
        BatteryReading reading = new Ina219Battery(ina).read().orElseThrow();
        assertEquals(12012.0, reading.voltage());
        assertEquals(640.0, reading.current());
        assertEquals(7680.0, reading.power());
        assertEquals("hwmon", reading.source());
    }

    @Test
    void noIna219MeansNothingFound() throws IOException {
        write(sys.resolve("hwmon0/name"), "cpu_thermal");
        assertTrue(Ina219Battery.find(sys).isEmpty());
    }

    @Test
    void integratesDischargeCurrentOverTime() {
        ConsumptionMeter meter = new ConsumptionMeter();
        long hour = 3_600_000_000_000L;
        assertEquals(0.0, meter.add(1000.0, 0));
        assertEquals(500.0, meter.add(0.0, hour), 1e-9);
        assertEquals(750.0, meter.add(500.0, 2 * hour), 1e-9);
        // an unknown sample breaks the line: the gap is not guessed
        assertEquals(750.0, meter.add(null, 3 * hour), 1e-9);
        assertEquals(750.0, meter.add(500.0, 4 * hour), 1e-9);
        assertEquals(1250.0, meter.add(500.0, 5 * hour), 1e-9);
    }
}
