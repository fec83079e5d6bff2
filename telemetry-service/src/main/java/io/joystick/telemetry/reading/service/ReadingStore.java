package io.joystick.telemetry.reading.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.joystick.auth.error.ApiException;
import io.joystick.telemetry.config.TelemetryConfig;
import io.joystick.telemetry.reading.Reading;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.SensorEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** The latest reading of each sensor (in memory only) and the stream of new ones. */
@ApplicationScoped
public class ReadingStore {

    private final Map<Sensor, Reading> latest = new ConcurrentHashMap<>();
    private final Map<Sensor, Duration> staleAfter = new EnumMap<>(Sensor.class);
    private final BroadcastProcessor<SensorEvent> events = BroadcastProcessor.create();
    private final Object publishing = new Object();
    private final Clock clock = Clock.systemUTC();

    @Inject
    public ReadingStore(TelemetryConfig config) {
        this(Map.of(Sensor.GPS, config.gps().staleAfter(), Sensor.IMU, config.imu().staleAfter(),
                Sensor.BATTERY, config.battery().staleAfter(), Sensor.CELLULAR, config.cellular().staleAfter()));
    }

    /** With each sensor's staleness limit. */
    public ReadingStore(Map<Sensor, Duration> staleAfter) {
        this.staleAfter.putAll(staleAfter);
    }

    public void publish(Sensor sensor, Reading reading) {
        latest.put(sensor, reading);
        // A processor takes one signal at a time; sources publish from several threads.
        synchronized (publishing) {
            events.onNext(new SensorEvent(sensor, reading));
        }
    }

    public Optional<Reading> latest(Sensor sensor) {
        return Optional.ofNullable(latest.get(sensor));
    }

    /** The latest reading if it is within the sensor's staleness limit. */
    public Optional<Reading> fresh(Sensor sensor) {
        Reading reading = latest.get(sensor);
        return reading != null && !isStale(sensor, reading) ? Optional.of(reading) : Optional.empty();
    }

    /** The latest fresh reading, or a 503 that says whether there is none yet or it is too old. */
    public Reading require(Sensor sensor) {
        Reading reading = latest.get(sensor);
        if (reading == null) {
            throw new ApiException(503, "No " + sensor.label() + " reading yet");
        }
        if (isStale(sensor, reading)) {
            throw new ApiException(503,
                    "The " + sensor.label() + " reading is stale: last one at " + reading.timestamp()
                            + ", older than " + staleAfter.get(sensor).toMillis() + " ms");
        }
        return reading;
    }

    private boolean isStale(Sensor sensor, Reading reading) {
        return reading.timestamp().plus(staleAfter.get(sensor)).isBefore(Instant.now(clock));
    }

    /** Every reading published from now on; a subscriber that falls behind loses readings, never blocks others. */
    public Multi<SensorEvent> events() {
        return events.onOverflow().drop();
    }
}
