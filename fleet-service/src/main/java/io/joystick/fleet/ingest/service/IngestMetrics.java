package io.joystick.fleet.ingest.service;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code fleet.messages.dropped{reason}} and {@code fleet.readings.stored}. */
@ApplicationScoped
public class IngestMetrics {

    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final Counter stored;

    public IngestMetrics(MeterRegistry registry) {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder("fleet.messages.dropped").tag("reason", reason.tag())
                    .description("MQTT messages not stored, by reason").register(registry));
        }
        stored = Counter.builder("fleet.readings.stored").description("Readings added to the history")
                .register(registry);
    }

    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    public void dropped(DropReason reason, int count) {
        if (count > 0) {
            dropped.get(reason).increment(count);
        }
    }

    public double droppedCount(DropReason reason) {
        return dropped.get(reason).count();
    }

    public void stored(int count) {
        stored.increment(count);
    }
}
