package io.joystick.fleet.reading.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.joystick.fleet.reading.Sensor;
import io.joystick.fleet.reading.ValidReading;

/** Latest readings and history. Callers bring the transaction (the batched writes join it through the pool). */
@ApplicationScoped
public class ReadingRepository {

    private final EntityManager em;
    private final DataSource dataSource;
    private volatile String upsertLatest;

    public ReadingRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Stores the readings not stored before (one batched insert; the history's unique key skips repeats) and moves
     * each device's and sensor's latest forward (one batched upsert, only where newer); answers the new ones.
     */
    public List<ValidReading> store(List<ValidReading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        try {
            Connection connection = dataSource.getConnection();
            try {
                return store(connection, readings);
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing readings: " + e.getMessage(), e);
        }
    }

    private List<ValidReading> store(Connection connection, List<ValidReading> readings) throws SQLException {
        List<ValidReading> added = new ArrayList<>(readings.size());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reading (device_id, sensor, ts, payload) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (ValidReading reading : readings) {
                bind(insert, reading);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    added.add(readings.get(i));
                }
            }
        }
        Map<LatestReading.Key, ValidReading> newest = new TreeMap<>(BY_KEY);
        for (ValidReading reading : added) {
            newest.merge(new LatestReading.Key(reading.deviceId(), reading.sensor().key()), reading,
                    (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
        }
        if (!newest.isEmpty()) {
            // In key order, so two instances upserting the same rows take their locks in the same order.
            try (PreparedStatement upsert = connection.prepareStatement(upsertLatest(connection))) {
                for (ValidReading reading : newest.values()) {
                    bind(upsert, reading);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        return added;
    }

    private static final Comparator<LatestReading.Key> BY_KEY =
            Comparator.<LatestReading.Key, String>comparing(k -> k.deviceId)
                    .thenComparing(k -> k.sensor);

    private static void bind(PreparedStatement statement, ValidReading reading) throws SQLException {
        statement.setString(1, reading.deviceId());
        statement.setString(2, reading.sensor().key());
        statement.setObject(3, OffsetDateTime.ofInstant(reading.timestamp(), ZoneOffset.UTC));
        statement.setString(4, reading.json());
    }

    /** PostgreSQL's INSERT … ON CONFLICT is safe against concurrent inserts of a new key; H2 has MERGE for it. */
    private String upsertLatest(Connection connection) throws SQLException {
        String sql = upsertLatest;
        if (sql == null) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            sql = postgres ? """
                    INSERT INTO latest_reading (device_id, sensor, ts, payload) VALUES (?, ?, ?, ?)
                    ON CONFLICT (device_id, sensor) DO UPDATE SET ts = EXCLUDED.ts, payload = EXCLUDED.payload
                    WHERE latest_reading.ts < EXCLUDED.ts"""
                    : """
                            MERGE INTO latest_reading t USING (SELECT CAST(? AS VARCHAR(64)) device_id, CAST(? AS VARCHAR(16)) sensor,
                                CAST(? AS TIMESTAMP WITH TIME ZONE) ts, CAST(? AS VARCHAR(8192)) payload) s
                            ON t.device_id = s.device_id AND t.sensor = s.sensor
                            WHEN MATCHED AND t.ts < s.ts THEN UPDATE SET ts = s.ts, payload = s.payload
                            WHEN NOT MATCHED THEN INSERT (device_id, sensor, ts, payload) VALUES (s.device_id, s.sensor, s.ts, s.payload)""";
            upsertLatest = sql;
        }
        return sql;
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
        return em.createNativeQuery(
                "DELETE FROM reading WHERE id IN (SELECT id FROM reading WHERE ts < ?1 ORDER BY ts FETCH FIRST "
                        + batch + " ROWS ONLY)")
                .setParameter(1, before).executeUpdate();
    }
}
