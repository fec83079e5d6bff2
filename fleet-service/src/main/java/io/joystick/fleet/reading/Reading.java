package io.joystick.fleet.reading;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reading as a device's telemetry-service publishes it (the JSON of its REST reading). */
@Schema(oneOf = {GpsReading.class, ImuReading.class, BatteryReading.class, CellReading.class})
public interface Reading {

    Instant timestamp();

    /** Whether the values are plausible beyond their types (e.g. a latitude within ±90°). */
    default boolean plausible() {
        return true;
    }
}
