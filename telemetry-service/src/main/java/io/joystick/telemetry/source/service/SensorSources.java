package io.joystick.telemetry.source.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.telemetry.battery.service.Ina219Battery;
import io.joystick.telemetry.battery.service.PowerSupplyBattery;
import io.joystick.telemetry.config.TelemetryConfig;
import io.joystick.telemetry.config.TelemetryConfig.BatterySource;
import io.joystick.telemetry.config.TelemetryConfig.CellularSource;
import io.joystick.telemetry.config.TelemetryConfig.GpsSource;
import io.joystick.telemetry.gps.service.NmeaGpsSource;
import io.joystick.telemetry.imu.service.IioImu;
import io.joystick.telemetry.imu.service.WitMotionImuSource;
import io.joystick.telemetry.modem.at.AtChannel;
import io.joystick.telemetry.modem.service.ModemPoller;
import io.joystick.telemetry.reading.Reading;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.service.ReadingStore;
import io.joystick.telemetry.serial.service.SerialPorts;
import io.joystick.telemetry.simulated.service.SimulatedSensors;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts, per sensor, the source the configuration names: serial readers (one per port, shared), the modem
 * poller, sysfs pollers and the simulator, all on background threads owned here.
 */
@ApplicationScoped
public class SensorSources {

    private static final Logger LOG = Logger.getLogger(SensorSources.class);

    private final TelemetryConfig config;
    private final ReadingStore store;
    private final SerialPorts ports;
    private final List<PeriodicTask> tasks = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    public SensorSources(TelemetryConfig config, ReadingStore store) {
        this.config = config;
        this.store = store;
        this.ports = new SerialPorts(config.reopenDelay());
    }

    void start(@Observes StartupEvent event) {
        Set<Sensor> simulated = EnumSet.noneOf(Sensor.class);
        startGps(simulated);
        startImu(simulated);
        startBattery(simulated);
        if (config.cellular().source() == CellularSource.SIMULATED) {
            simulated.add(Sensor.CELLULAR);
        }
        startModem();
        if (!simulated.isEmpty()) {
            LOG.infof("Simulated sensors: %s", simulated);
            every(Duration.ofSeconds(1), new SimulatedSensors(store, simulated));
        }
        startPolling();
    }

    /**
     * One poller thread per task, at most two: the simulator alone (the edge default) needs one thread, and a
     * modem command waiting for its timeout must not hold up the sysfs polls.
     */
    private synchronized void startPolling() {
        if (tasks.isEmpty()) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(Math.min(tasks.size(), 2), runnable -> {
            Thread thread = new Thread(runnable, "telemetry-poller");
            thread.setDaemon(true);
            return thread;
        });
        for (PeriodicTask task : tasks) {
            scheduler.scheduleWithFixedDelay(task.task(), 0, task.delayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startGps(Set<Sensor> simulated) {
        TelemetryConfig.Gps gps = config.gps();
        if (gps.source() == GpsSource.SIMULATED) {
            simulated.add(Sensor.GPS);
        } else if (gps.source() == GpsSource.NMEA) {
            String port = required(gps.port(), "telemetry.gps.port");
            ports.link(port, gps.baud()).addListener(new NmeaGpsSource(store));
            LOG.infof("GPS: NMEA on %s", port);
        }
    }

    private void startImu(Set<Sensor> simulated) {
        TelemetryConfig.Imu imu = config.imu();
        switch (imu.source()) {
            case SIMULATED -> simulated.add(Sensor.IMU);
            case WITMOTION -> {
                String port = required(imu.port(), "telemetry.imu.port");
                ports.link(port, imu.baud()).addListener(new WitMotionImuSource(store));
                LOG.infof("IMU: WitMotion on %s", port);
            }
            case IIO -> {
                Supplier<Optional<Path>> device = () -> imu.path().map(Path::of)
                        .or(() -> IioImu.find(IioImu.defaultRoot()));
                poll(Sensor.IMU, imu.pollInterval(), device, path -> new IioImu(path)::read);
            }
        }
    }

    private void startBattery(Set<Sensor> simulated) {
        TelemetryConfig.Battery battery = config.battery();
        switch (battery.source()) {
            case SIMULATED -> simulated.add(Sensor.BATTERY);
            case SYSFS -> poll(Sensor.BATTERY, battery.pollInterval(),
                    () -> battery.path().map(Path::of)
                            .or(() -> PowerSupplyBattery.find(PowerSupplyBattery.defaultRoot())),
                    path -> new PowerSupplyBattery(path)::read);
            case HWMON -> poll(Sensor.BATTERY, battery.pollInterval(),
                    () -> Ina219Battery.find(battery.path().map(Path::of).orElse(Ina219Battery.defaultRoot())),
                    path -> new Ina219Battery(path)::read);
            case MODEM -> {
                // polled with the modem
            }
        }
    }

    private void startModem() {
        boolean cellular = config.cellular().source() == CellularSource.MODEM;
        boolean battery = config.battery().source() == BatterySource.MODEM;
        boolean gps = config.gps().source() == GpsSource.MODEM;
        if (!cellular && !battery && !gps) {
            return;
        }
        TelemetryConfig.Modem modem = config.modem();
        String port = required(modem.port(), "telemetry.modem.port");
        AtChannel channel = new AtChannel(ports.link(port, modem.baud()));
        LOG.infof("Modem on %s for%s%s%s", port, cellular ? " cellular" : "", battery ? " battery" : "",
                gps ? " GPS" : "");
        every(modem.pollInterval(),
                new ModemPoller(channel, store, modem.family(), modem.commandTimeout(), cellular, battery, gps));
    }

    /** A sysfs reader; the device is looked up again until it appears (e.g. a late driver). */
    @FunctionalInterface
    private interface SysfsRead {
        Optional<? extends Reading> read() throws IOException;
    }

    private void poll(Sensor sensor, Duration interval, Supplier<Optional<Path>> locate,
            Function<Path, SysfsRead> reader) {
        SysfsRead[] current = new SysfsRead[1];
        every(interval, () -> {
            try {
                if (current[0] == null) {
                    Optional<Path> path = locate.get();
                    if (path.isEmpty()) {
                        return;
                    }
                    LOG.infof("%s: reading %s", sensor.label(), path.get());
                    current[0] = reader.apply(path.get());
                }
                current[0].read().ifPresent(reading -> store.publish(sensor, reading));
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "Reading the %s failed", sensor.label());
            }
        });
    }

    private void every(Duration interval, Runnable task) {
        tasks.add(new PeriodicTask(task, Math.max(1, interval.toMillis())));
    }

    private record PeriodicTask(Runnable task, long delayMillis) {
    }

    private static String required(Optional<String> value, String property) {
        return value.filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException(property + " must name a serial device for this source"));
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        ports.close();
    }
}
