package io.joystick.switcher.health.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.device.client.Device;
import io.joystick.device.client.DeviceServiceClient;
import io.joystick.switcher.config.SwitcherConfig;
import io.quarkus.runtime.ShutdownEvent;

/** Checks devices through device-service's {@code slot-check} and switches them when the policy says so. */
@ApplicationScoped
public class HealthMonitor {

    private static final Logger LOG = Logger.getLogger(HealthMonitor.class);

    private final DeviceServiceClient devices;
    private final HealthRegistry registry;
    private final FailoverPolicy policy;
    private final SlotSwitcher switcher;
    private final ExecutorService pool;
    private final HealthCycle cycle;
    private final Duration checkTimeout;

    public HealthMonitor(DeviceServiceClient devices, HealthRegistry registry, FailoverPolicy policy,
            SlotSwitcher switcher, Shard shard, SwitcherConfig config, Clock clock) {
        this.devices = devices;
        this.registry = registry;
        this.policy = policy;
        this.switcher = switcher;
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.checkConcurrency()), threads());
        this.cycle = new HealthCycle(devices::devices, this::check, shard, pool, clock);
        this.checkTimeout = config.checkTimeout();
    }

    /** A run over this replica's devices; empty when one is already going. */
    public Optional<HealthCycle.Report> runAll() {
        Optional<HealthCycle.Report> report = cycle.run();
        report.ifPresent(registry::completed);
        return report;
    }

    public boolean running() {
        return cycle.running();
    }

    /** Checks one device now (and switches it if needed); it must be {@link HealthCycle#monitored}. */
    public DeviceHealth check(Device device) {
        DeviceHealth health = registry.of(device.id());
        health.lock().lock();
        try {
            health.sync(device);
            Decision decision = policy.evaluate(health, slot -> probe(device.id(), slot));
            if (decision.switches()) {
                switcher.switchTo(device, health, decision.switchTo(), decision.reason(), true);
            } else if (decision.notable()) {
                LOG.infof("Device %s stays on %s: %s", device.id(), health.activeSlot(), decision.reason());
            }
            return health;
        } finally {
            health.lock().unlock();
        }
    }

    /** {@code log=false}: checks every few seconds would bury the device's action log in the UI. */
    private SlotCheckResult probe(String deviceId, String slot) {
        try {
            return SlotCheckResult.of(devices.run(deviceId, "slot-check", Map.of("slot", slot), checkTimeout, false));
        } catch (RuntimeException e) {
            // device-service itself failed: that says nothing about the device's link
            return SlotCheckResult.inconclusive("device-service unavailable: " + e.getClass().getSimpleName());
        }
    }

    /** Lets checks in flight finish (bounded) before the HTTP clients go away, instead of cutting them. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "slot-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
