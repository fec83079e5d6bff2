package io.joystick.fleet.ingest.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.fleet.live.service.LiveEvent;
import io.joystick.fleet.live.service.LiveEvents;
import io.joystick.fleet.presence.repository.PresenceRepository;
import io.joystick.fleet.presence.service.PresenceNotices;
import io.joystick.fleet.reading.ValidReading;
import io.joystick.fleet.reading.repository.ReadingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores checked messages in batches on one thread, then acknowledges them to the broker: a message is
 * acknowledged only once it is committed, so a crash or restart loses nothing (the broker delivers it again and
 * it is recognised as a repeat: in memory for recent readings, else by the history's unique key). A batch is
 * whatever arrived while the previous one was being written (at most {@value #BATCH} messages), written with one
 * batched insert and one batched upsert in one transaction. While the database fails, the batch is retried
 * with backoff.
 */
@ApplicationScoped
public class IngestWriter {

    private static final Logger LOG = Logger.getLogger(IngestWriter.class);
    static final int CAPACITY = 4096;
    private static final int BATCH = 1024;

    private final BlockingQueue<Incoming> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final ReadingRepository readings;
    private final PresenceRepository presences;
    private final PresenceNotices notices;
    private final LiveEvents live;
    private final IngestMetrics metrics;
    private final RecentReadings recent = new RecentReadings();
    private volatile boolean running = true;
    private Thread thread;

    public IngestWriter(ReadingRepository readings, PresenceRepository presences, PresenceNotices notices,
            LiveEvents live, IngestMetrics metrics) {
        this.readings = readings;
        this.presences = presences;
        this.notices = notices;
        this.live = live;
        this.metrics = metrics;
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::run, "fleet-ingest-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a message; false when the queue is full (the caller then stops reading from the broker for a while). */
    public boolean offer(Incoming incoming) {
        return queue.offer(incoming);
    }

    public int waiting() {
        return queue.size();
    }

    private void run() {
        List<Incoming> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Incoming first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                storeWithRetry(batch);
                batch.forEach(incoming -> incoming.ack().run());
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void storeWithRetry(List<Incoming> batch) throws InterruptedException {
        long backoff = 200;
        while (running) {
            try {
                store(batch);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Storing %d messages failed (%s); retrying in %d ms", batch.size(),
                        e.getClass().getSimpleName(),
                        backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        throw new InterruptedException("stopping");
    }

    private void store(List<Incoming> batch) {
        List<ValidReading> telemetry = new ArrayList<>(batch.size());
        List<Incoming.Presence> presence = new ArrayList<>();
        Set<ValidReading> inBatch = new HashSet<>();
        int repeated = 0;
        for (Incoming incoming : batch) {
            if (incoming instanceof Incoming.Telemetry t) {
                if (recent.contains(t.reading()) || !inBatch.add(t.reading())) {
                    repeated++;
                } else {
                    telemetry.add(t.reading());
                }
            } else if (incoming instanceof Incoming.Presence p) {
                presence.add(p);
            }
        }
        List<Incoming.Presence> changed = new ArrayList<>();
        List<ValidReading> added = QuarkusTransaction.requiringNew().call(() -> {
            changed.clear();
            List<ValidReading> stored = readings.store(telemetry);
            for (Incoming.Presence p : presence) {
                if (presences.record(p.deviceId(), p.state(), p.at())) {
                    changed.add(p);
                }
            }
            return stored;
        });
        telemetry.forEach(recent::add);
        metrics.stored(added.size());
        metrics.dropped(DropReason.DUPLICATE, repeated + telemetry.size() - added.size());
        added.forEach(r -> live.publish(new LiveEvent(r.deviceId(), r.sensor().key(), r.json())));
        for (Incoming.Presence p : changed) {
            live.publish(new LiveEvent(p.deviceId(), "presence",
                    "{\"deviceId\":\"" + p.deviceId() + "\",\"state\":\"" + p.state() + "\",\"since\":\"" + p.at()
                            + "\"}"));
            notices.changed(p.deviceId(), p.state(), p.at());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
