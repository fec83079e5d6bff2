package io.joystick.switcher.health.service;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The in-memory health state of the devices, and what the last run found. */
@ApplicationScoped
public class HealthRegistry {

    private final ConcurrentHashMap<String, DeviceHealth> devices = new ConcurrentHashMap<>();
    private volatile Set<String> monitored = Set.of();
    private volatile List<String> withoutSecondary = List.of();
    private volatile HealthCycle.Report lastRun;

    public DeviceHealth of(String deviceId) {
        return devices.computeIfAbsent(deviceId, DeviceHealth::new);
    }

    public Optional<DeviceHealth> find(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** Remembers the run; devices no longer monitored are forgotten (a complete device list is needed for that). */
    public void completed(HealthCycle.Report report) {
        lastRun = report;
        if (report.error() == null) {
            monitored = Set.copyOf(report.checked());
            withoutSecondary = report.withoutSecondary();
            devices.keySet().retainAll(monitored);
        }
    }

    public Collection<DeviceHealth> monitoredDevices() {
        return monitored.stream().map(devices::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(DeviceHealth::deviceId)).toList();
    }

    public List<String> withoutSecondary() {
        return withoutSecondary;
    }

    public Optional<HealthCycle.Report> lastRun() {
        return Optional.ofNullable(lastRun);
    }
}
