package io.joystick.telemetry.publish.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The publisher's counts. With Micrometer (the standard build) they are also metrics at {@code /q/metrics}:
 * {@code telemetry_publish_queued}, {@code telemetry_publish_dropped_total}, {@code telemetry_publish_sent_total},
 * {@code telemetry_publish_connected}. The edge build has no registry; there they are in {@code /q/health}.
 */
@ApplicationScoped
public class PublishMetrics {

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong connected = new AtomicLong();

    /** Absent in the edge build. */
    private final MeterRegistry registry;
    private final List<Meter> meters;

    public PublishMetrics(Instance<MeterRegistry> registries) {
        if (!registries.isResolvable()) {
            registry = null;
            meters = List.of();
            return;
        }
        registry = registries.get();
        meters = List.of(
                Gauge.builder("telemetry.publish.queued", queued, AtomicLong::get)
                        .description("Readings waiting on disk for the broker").register(registry),
                FunctionCounter.builder("telemetry.publish.dropped", dropped, AtomicLong::get)
                        .description(
                                "Queued readings dropped, oldest first, for being over the queue's count or age limit")
                        .register(registry),
                FunctionCounter.builder("telemetry.publish.sent", sent, AtomicLong::get)
                        .description("Readings the broker acknowledged").register(registry),
                Gauge.builder("telemetry.publish.connected", connected, AtomicLong::get)
                        .description("1 while connected to the broker").register(registry));
    }

    /**
     * The injected registry is Quarkus's root, Micrometer's static {@code Metrics.globalRegistry}, which outlives
     * the application when several run one after another in one JVM (the tests). Micrometer ignores a second
     * registration of the same meter, so without this the next start's meters would read this one's counts.
     */
    @PreDestroy
    void unregister() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }

    void queue(long size, long droppedSoFar) {
        queued.set(size);
        dropped.set(droppedSoFar);
    }

    void sent() {
        sent.incrementAndGet();
    }

    void connected(boolean state) {
        connected.set(state ? 1 : 0);
    }

    public long queued() {
        return queued.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long sentCount() {
        return sent.get();
    }
}
