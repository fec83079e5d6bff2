package io.joystick.telemetry.simulated.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.joystick.telemetry.battery.service.ConsumptionMeter;
import io.joystick.telemetry.reading.BatteryReading;
import io.joystick.telemetry.reading.CellReading;
import io.joystick.telemetry.reading.GpsReading;
import io.joystick.telemetry.reading.ImuReading;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.service.ReadingStore;

/**
 * Plausible moving values for the sensors configured as {@code simulated}, flagged {@code "source":"simulated"}:
 * a vehicle driving a slow circle, a gently swaying IMU, a draining battery and a drifting LTE cell.
 */
public final class SimulatedSensors implements Runnable {

    private static final String SOURCE = "simulated";
    private static final double CENTRE_LAT = 47.6619817;
    private static final double CENTRE_LON = -122.3263937;

    private final ReadingStore store;
    private final Set<Sensor> sensors;
    private final ConsumptionMeter meter = new ConsumptionMeter();
    private final long started = System.nanoTime();

    public SimulatedSensors(ReadingStore store, Set<Sensor> sensors) {
        this.store = store;
        this.sensors = sensors.isEmpty() ? Set.of() : EnumSet.copyOf(sensors);
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        double t = (now - started) / 1e9;
        Instant at = Instant.now();
        if (sensors.contains(Sensor.GPS)) {
            store.publish(Sensor.GPS, gps(t, at));
        }
        if (sensors.contains(Sensor.IMU)) {
            store.publish(Sensor.IMU, imu(t, at));
        }
        if (sensors.contains(Sensor.BATTERY)) {
            store.publish(Sensor.BATTERY, battery(t, now, at));
        }
        if (sensors.contains(Sensor.CELLULAR)) {
            store.publish(Sensor.CELLULAR, cell(t, at));
        }
    }

    private static GpsReading gps(double t, Instant at) {
        // one lap of a ~300 m radius circle every 10 minutes (≈ 11 km/h)
        double phase = 2 * Math.PI * t / 600;
        double lat = CENTRE_LAT + 0.0027 * Math.sin(phase);
        double lon = CENTRE_LON + 0.004 * Math.cos(phase);
        double course = (Math.toDegrees(phase) + 360) % 360;
        return new GpsReading(round(lat, 7), round(lon, 7), round(76.5 + 2 * Math.sin(t / 30), 1),
                round(11.3 + Math.sin(t / 7), 2), round(course, 1), 9 + (int) (t / 20) % 4, 0.9, "3d", at, SOURCE);
    }

    private static ImuReading imu(double t, Instant at) {
        double roll = 2 * Math.sin(t / 3);
        double pitch = 1.5 * Math.cos(t / 4);
        return new ImuReading(round(0.02 * Math.sin(t), 3), round(0.02 * Math.cos(t), 3),
                round(1 - 0.01 * Math.sin(t / 2), 3),
                new ImuReading.Vector(round(Math.cos(t / 3), 2), round(Math.sin(t / 4), 2),
                        round(0.1 * Math.sin(t), 2)),
                new ImuReading.Angle(round(roll, 2), round(pitch, 2), round((t * 0.6) % 360, 2)), 31.5, at, SOURCE);
    }

    private BatteryReading battery(double t, long nanos, Instant at) {
        double current = 480 + 40 * Math.sin(t / 5);
        double voltage = 12_400 - 0.2 * t + 30 * Math.sin(t / 11);
        double consumption = meter.add(current, nanos);
        int capacity = (int) Math.max(0, 87 - consumption / 50);
        return new BatteryReading(round(voltage, 0), round(-current, 1), round(voltage * current / 1000, 0),
                round(consumption, 3), capacity, "Discharging", at, SOURCE);
    }

    private static CellReading cell(double t, Instant at) {
        double rsrp = -85 + 4 * Math.sin(t / 20);
        double rsrq = -9.5 + Math.sin(t / 13);
        double sinr = 10 + 3 * Math.sin(t / 17);
        double rssi = -54.5 + 3 * Math.sin(t / 19);
        int csq = (int) Math.round((rssi + 113) / 2);
        return new CellReading("LTE", "Online", "Simulated Telecom", "460-11", "23070", "187214780", 257, "B3", 1850,
                10.0, round(rssi, 1), round(rsrp, 1), round(rsrq, 1), round(sinr, 1), null, null, csq, null,
                "+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15", at, SOURCE);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
