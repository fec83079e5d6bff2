package io.joystick.fleet.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.joystick.fleet.ingest.ValidReading;
import io.joystick.fleet.reading.Sensor;

/** Latest readings and history. Callers bring the transaction. */
@ApplicationScoped
public class ReadingRepository {

    private final EntityManager em;

    public ReadingRepository(EntityManager em) {
        this.em = em;
    }

    /** Stores the readings not stored before and moves each latest forward; answers the new ones. */
    public List<ValidReading> store(List<ValidReading> readings) {
        List<ValidReading> added = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ValidReading reading : readings) {
            String key = reading.deviceId() + '/' + reading.sensor().key() + '/' + reading.timestamp();
            if (!seen.add(key) || exists(reading)) {
                continue;
            }
            HistoryReading row = new HistoryReading();
            row.deviceId = reading.deviceId();
            row.sensor = reading.sensor().key();
            row.timestamp = reading.timestamp();
            row.payload = reading.json();
            row.persist();
            moveLatest(reading);
            added.add(reading);
        }
        return added;
    }

    public boolean exists(ValidReading reading) {
        return HistoryReading.count("deviceId = ?1 and sensor = ?2 and timestamp = ?3", reading.deviceId(),
                reading.sensor().key(), reading.timestamp()) > 0;
    }

    private void moveLatest(ValidReading reading) {
        LatestReading latest = LatestReading.findById(new LatestReading.Key(reading.deviceId(), reading.sensor().key()));
        if (latest == null) {
            latest = new LatestReading();
            latest.deviceId = reading.deviceId();
            latest.sensor = reading.sensor().key();
            latest.timestamp = reading.timestamp();
            latest.payload = reading.json();
            latest.persist();
        } else if (reading.timestamp().isAfter(latest.timestamp)) {
            latest.timestamp = reading.timestamp();
            latest.payload = reading.json();
        }
    }

    public Optional<LatestReading> latest(String deviceId, Sensor sensor) {
        return LatestReading.findByIdOptional(new LatestReading.Key(deviceId, sensor.key()));
    }

    public List<LatestReading> latestOf(Sensor sensor) {
        return LatestReading.list("sensor = ?1 order by deviceId", sensor.key());
    }

    public long count(String deviceId, Sensor sensor, Instant from, Instant to) {
        return HistoryReading.count("deviceId = ?1 and sensor = ?2 and timestamp >= ?3 and timestamp <= ?4", deviceId,
                sensor.key(), from, to);
    }

    /** The readings in [from, to], oldest first, every {@code stride}-th one (1 = all). */
    @SuppressWarnings("unchecked")
    public List<String> history(String deviceId, Sensor sensor, Instant from, Instant to, long stride) {
        return em.createNativeQuery("""
                SELECT payload FROM (
                    SELECT payload, ts, row_number() OVER (ORDER BY ts) AS n FROM reading
                    WHERE device_id = ?1 AND sensor = ?2 AND ts >= ?3 AND ts <= ?4) numbered
                WHERE mod(n - 1, ?5) = 0 ORDER BY ts""")
                .setParameter(1, deviceId).setParameter(2, sensor.key()).setParameter(3, from).setParameter(4, to)
                .setParameter(5, stride).getResultList();
    }

    /** Deletes at most {@code batch} readings older than {@code before}; answers how many. */
    public int prune(Instant before, int batch) {
        return em.createNativeQuery("DELETE FROM reading WHERE id IN (SELECT id FROM reading WHERE ts < ?1 ORDER BY ts FETCH FIRST "
                + batch + " ROWS ONLY)").setParameter(1, before).executeUpdate();
    }
}
