package io.joystick.switcher.health.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.joystick.device.client.Device;

/**
 * One health run over this replica's devices. Runs never overlap: a run asked for while one is going is
 * refused (empty), whoever asks (the scheduler or {@code POST /api/health/check}). The devices of a run are
 * checked at the same time on the given bounded pool; one device's failure never stops the others.
 */
public final class HealthCycle {

    private static final Logger LOG = Logger.getLogger(HealthCycle.class);

    public record Report(Instant started, Instant finished, List<String> checked, List<String> withoutSecondary,
            List<String> failed, String error) implements HealthCheckAnswer {
    }

    private final Supplier<List<Device>> devices;
    private final Consumer<Device> checker;
    private final Shard shard;
    private final ExecutorService pool;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public HealthCycle(Supplier<List<Device>> devices, Consumer<Device> checker, Shard shard, ExecutorService pool,
            Clock clock) {
        this.devices = devices;
        this.checker = checker;
        this.shard = shard;
        this.pool = pool;
        this.clock = clock;
    }

    /** Devices switched automatically: autoSlotSwitch on and a secondary slot to switch to. */
    public static boolean monitored(Device device) {
        return device.autoSlotSwitch() && device.hasSecondSlot();
    }

    public boolean running() {
        return running.get();
    }

    /** Runs now, or returns empty when a run is already going. */
    public Optional<Report> run() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        Instant started = clock.instant();
        try {
            List<Device> mine;
            try {
                mine = devices.get().stream().filter(d -> shard.owns(d.id())).toList();
            } catch (RuntimeException e) {
                LOG.warnf("Health run skipped: the device list is unavailable (%s)", e.getMessage());
                return Optional.of(new Report(started, clock.instant(), List.of(), List.of(), List.of(),
                        "device list unavailable: " + e.getMessage()));
            }
            List<Device> checked = mine.stream().filter(HealthCycle::monitored).toList();
            List<String> withoutSecondary = mine.stream().filter(d -> d.autoSlotSwitch() && !d.hasSecondSlot())
                    .map(Device::id).sorted().toList();
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (Device device : checked) {
                tasks.add(() -> checkQuietly(device));
            }
            List<String> failed = new ArrayList<>();
            List<java.util.concurrent.Future<Boolean>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).get()) {
                    failed.add(checked.get(i).id());
                }
            }
            return Optional.of(new Report(started, clock.instant(), checked.stream().map(Device::id).sorted().toList(),
                    withoutSecondary, List.copyOf(failed), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Report(started, clock.instant(), List.of(), List.of(), List.of(), "interrupted"));
        } catch (RejectedExecutionException e) {
            return Optional.of(new Report(started, clock.instant(), List.of(), List.of(), List.of(), "shutting down"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            running.set(false);
        }
    }

    private boolean checkQuietly(Device device) {
        try {
            checker.accept(device);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Health check of device %s failed: %s", device.id(), e.getMessage());
            return false;
        }
    }
}
