package io.joystick.fleet.reading.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.fleet.config.FleetConfig;
import io.joystick.fleet.reading.repository.ReadingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Deletes history older than {@code FLEET_RETENTION}, a small batch per transaction. */
@ApplicationScoped
public class RetentionPruner {

    private static final int MAX_BATCHES_PER_RUN = 100;

    private final ReadingRepository readings;
    private final FleetConfig config;

    public RetentionPruner(ReadingRepository readings, FleetConfig config) {
        this.readings = readings;
        this.config = config;
    }

    @Scheduled(every = "${fleet.prune-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        pruneOlderThan(Instant.now().minus(config.retention()));
    }

    /** Answers how many readings were deleted. */
    public int pruneOlderThan(Instant before) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> readings.prune(before, config.pruneBatch()));
            total += deleted;
            if (deleted < config.pruneBatch()) {
                break;
            }
        }
        return total;
    }
}
