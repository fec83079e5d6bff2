package io.joystick.telemetry.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where each sensor's readings come from (docs/architecture.md#5-telemetry-service); also settable as environment variables, e.g.
 * {@code TELEMETRY_GPS_SOURCE=nmea TELEMETRY_GPS_PORT=/dev/ttyUSB1}. Every sensor defaults to
 * {@code simulated}, so the service starts with no hardware.
 */
@ConfigMapping(prefix = "telemetry")
public interface TelemetryConfig {

    Gps gps();

    Modem modem();

    Cellular cellular();

    Imu imu();

    Battery battery();

    /** How long to wait before trying again to open a serial port that is absent or was unplugged. */
    @WithDefault("1s")
    Duration reopenDelay();

    enum GpsSource {
        SIMULATED, NMEA, MODEM
    }

    enum CellularSource {
        SIMULATED, MODEM
    }

    enum ImuSource {
        SIMULATED, WITMOTION, IIO
    }

    enum BatterySource {
        SIMULATED, SYSFS, HWMON, MODEM
    }

    enum ModemFamily {
        /** Try SIMCom's AT+CPSI? and fall back to Quectel's AT+QENG when the modem refuses it. */
        AUTO, SIMCOM, QUECTEL
    }

    interface Gps {
        @WithDefault("simulated")
        GpsSource source();

        /** Serial device of an NMEA receiver, e.g. /dev/ttyUSB1 or /dev/serial/by-id/… */
        Optional<String> port();

        @WithDefault("9600")
        int baud();

        @WithDefault("10s")
        Duration staleAfter();
    }

    interface Modem {
        /** The modem's AT port, shared by cellular, modem GPS and modem battery. */
        Optional<String> port();

        @WithDefault("115200")
        int baud();

        @WithDefault("auto")
        ModemFamily family();

        /** How often the modem is asked for the serving cell, signal, battery and GPS. */
        @WithDefault("5s")
        Duration pollInterval();

        /** The longest any one AT command may take before it counts as failed. */
        @WithDefault("3s")
        Duration commandTimeout();
    }

    interface Cellular {
        @WithDefault("simulated")
        CellularSource source();

        @WithDefault("60s")
        Duration staleAfter();
    }

    interface Imu {
        @WithDefault("simulated")
        ImuSource source();

        /** Serial device of a WitMotion IMU. */
        Optional<String> port();

        @WithDefault("9600")
        int baud();

        /** IIO device directory, e.g. /sys/bus/iio/devices/iio:device0 (default: the first with an accelerometer). */
        Optional<String> path();

        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("5s")
        Duration staleAfter();
    }

    interface Battery {
        @WithDefault("simulated")
        BatterySource source();

        /**
         * sysfs: a power_supply directory (default: the first of type Battery under /sys/class/power_supply);
         * hwmon: an hwmon directory or /sys/class/hwmon to search for the ina219.
         */
        Optional<String> path();

        @WithDefault("2s")
        Duration pollInterval();

        @WithDefault("60s")
        Duration staleAfter();
    }
}
