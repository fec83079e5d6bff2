package io.joystick.fleet.reading.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.error.ApiException;
import io.joystick.fleet.access.service.FleetAccess;
import io.joystick.fleet.reading.Reading;
import io.joystick.fleet.reading.Sensor;
import io.joystick.fleet.reading.repository.ReadingRepository;
import io.joystick.fleet.reading.service.StoredJson;
import io.quarkus.security.Authenticated;

/**
 * A device's telemetry as stored from the broker: each sensor behind its permission, the device behind its
 * allow-list (403 otherwise), 404 when there is no reading.
 */
@Path("/api/fleet/devices/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReadingResource {

    static final int DEFAULT_MAX_POINTS = 500;
    static final int MAX_POINTS = 10_000;
    static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

    private final ReadingRepository readings;
    private final FleetAccess access;
    private final StoredJson json;

    public ReadingResource(ReadingRepository readings, FleetAccess access, StoredJson json) {
        this.readings = readings;
        this.access = access;
        this.json = json;
    }

    /** The latest reading of each sensor the caller may see, keyed by sensor; null where there is none. */
    @GET
    @Path("telemetry")
    public LatestTelemetry telemetry(@PathParam("id") String deviceId) {
        Set<Sensor> sensors = access.permitted();
        access.checkDevice(deviceId);
        return new LatestTelemetry(latestIfPermitted(deviceId, sensors, Sensor.GPS),
                latestIfPermitted(deviceId, sensors, Sensor.IMU),
                latestIfPermitted(deviceId, sensors, Sensor.BATTERY),
                latestIfPermitted(deviceId, sensors, Sensor.CELLULAR));
    }

    /** Null when the caller may not see the sensor (left out of the answer), empty when it has no reading. */
    private Optional<JsonNode> latestIfPermitted(String deviceId, Set<Sensor> permitted, Sensor sensor) {
        return permitted.contains(sensor) ? readings.latest(deviceId, sensor).map(row -> json.of(row.payload)) : null;
    }

    /** The latest reading of one sensor, in the shape the device's own {@code /api/{sensor}} answers. */
    @GET
    @Path("{sensor}")
    @APIResponse(responseCode = "200", description = "The reading",
            content = @Content(schema = @Schema(implementation = Reading.class)))
    public JsonNode latest(@PathParam("id") String deviceId, @PathParam("sensor") String sensorKey) {
        Sensor sensor = FleetAccess.sensor(sensorKey);
        FleetAccess.requirePermission(access.caller(), sensor);
        access.checkDevice(deviceId);
        return readings.latest(deviceId, sensor).map(row -> json.of(row.payload))
                .orElseThrow(() -> ApiException.notFound("No " + sensor.key() + " reading from device " + deviceId));
    }

    /**
     * The readings taken in [from, to] (ISO-8601 instants; by default the last 24 hours), oldest first, evenly
     * thinned to at most {@code max} points (default 500, at most 10,000) for charts and tracks.
     */
    @GET
    @Path("{sensor}/history")
    public History history(@PathParam("id") String deviceId, @PathParam("sensor") String sensorKey,
            @QueryParam("from") String fromText, @QueryParam("to") String toText, @QueryParam("max") Integer max) {
        Sensor sensor = FleetAccess.sensor(sensorKey);
        FleetAccess.requirePermission(access.caller(), sensor);
        Instant to = instant(toText, "to", Instant.now());
        Instant from = instant(fromText, "from", to.minus(DEFAULT_PERIOD));
        int points = max == null ? DEFAULT_MAX_POINTS : max;
        if (points < 1 || points > MAX_POINTS) {
            throw ApiException.badRequest("max must be between 1 and " + MAX_POINTS);
        }
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from must not be after to");
        }
        access.checkDevice(deviceId);
        long total = readings.count(deviceId, sensor, from, to);
        long stride = Math.max(1, (total + points - 1) / points);
        List<JsonNode> items = readings.history(deviceId, sensor, from, to, stride).stream().map(json::of).toList();
        return new History(deviceId, sensor.key(), from.toString(), to.toString(), total, items);
    }

    private static Instant instant(String text, String name, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }
}
