package io.joystick.fleet.ingest.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.fleet.config.FleetConfig;
import io.joystick.fleet.reading.Reading;
import io.joystick.fleet.reading.Sensor;
import io.joystick.fleet.reading.ValidReading;
import io.joystick.telemetry.codec.TelemetryCodec;

/**
 * Reads a telemetry message (deflated or plain JSON, at most {@link #MAX_BYTES} either way), checks it against its
 * sensor's shape and the clock; answers the stored form or why not.
 */
@ApplicationScoped
public class MessageCheck {

    public static final int MAX_BYTES = 4096;

    private final ObjectMapper strict;
    private final FleetConfig config;
    private final Clock clock;

    public MessageCheck(ObjectMapper mapper, FleetConfig config) {
        this.strict = mapper.copy().configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Either a reading to store or the reason it is dropped. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(ValidReading reading) implements Outcome {
    }

    public record Rejected(DropReason reason) implements Outcome {
    }

    /** {@code payload} as the edge publishes it: deflated with a format byte, or plain JSON. */
    public Outcome telemetry(String deviceId, Sensor sensor, byte[] payload) {
        if (payload.length > MAX_BYTES) {
            return new Rejected(DropReason.OVERSIZED);
        }
        byte[] json;
        try {
            json = TelemetryCodec.decode(payload, MAX_BYTES);
        } catch (TelemetryCodec.DecodeException e) {
            return new Rejected(switch (e.failure()) {
                case OVERSIZED -> DropReason.OVERSIZED;
                case FORMAT -> DropReason.FORMAT;
                case CORRUPT -> DropReason.CORRUPT;
            });
        }
        Reading reading;
        try {
            reading = strict.readValue(json, sensor.shape());
        } catch (IOException | RuntimeException e) {
            return new Rejected(DropReason.SHAPE);
        }
        if (reading == null || reading.timestamp() == null || !reading.plausible()) {
            return new Rejected(DropReason.SHAPE);
        }
        Instant timestamp = reading.timestamp().truncatedTo(ChronoUnit.MICROS);
        if (timestamp.isAfter(clock.instant().plus(config.maxClockAhead()))) {
            return new Rejected(DropReason.FUTURE);
        }
        try {
            return new Accepted(new ValidReading(deviceId, sensor, timestamp, strict.writeValueAsString(reading)));
        } catch (IOException e) {
            return new Rejected(DropReason.SHAPE);
        }
    }
}
