package io.joystick.fleet.rest;

import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.revocation.CredentialLifetime;
import io.joystick.fleet.ingest.Topic;
import io.joystick.fleet.live.LiveEvent;
import io.joystick.fleet.live.LiveEvents;
import io.joystick.fleet.presence.PresenceRepository;
import io.joystick.fleet.reading.Sensor;
import io.joystick.fleet.store.DevicePresence;
import io.joystick.fleet.store.LatestReading;
import io.joystick.fleet.store.ReadingRepository;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Every device's telemetry as stored from the broker: each sensor behind its permission, each device behind its
 * allow-list (403 otherwise), 404 when there is no reading.
 */
@Path("/api/fleet")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FleetResource {

    static final int DEFAULT_MAX_POINTS = 500;
    static final int MAX_POINTS = 10_000;
    static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

    private final ReadingRepository readings;
    private final PresenceRepository presences;
    private final DeviceAccess access;
    private final SecurityIdentity identity;
    private final LiveEvents live;
    private final CredentialLifetime credentials;
    private final ObjectMapper mapper;

    public FleetResource(ReadingRepository readings, PresenceRepository presences, DeviceAccess access,
            SecurityIdentity identity, LiveEvents live, CredentialLifetime credentials, ObjectMapper mapper) {
        this.readings = readings;
        this.presences = presences;
        this.access = access;
        this.identity = identity;
        this.live = live;
        this.credentials = credentials;
        this.mapper = mapper;
    }

    /** The latest reading of each sensor the caller may see, keyed by sensor; null where there is none. */
    @GET
    @Path("devices/{id}/telemetry")
    public Map<String, JsonNode> telemetry(@PathParam("id") String deviceId) {
        Set<Sensor> sensors = permitted();
        checkDevice(deviceId);
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (Sensor sensor : sensors) {
            latest.put(sensor.key(), readings.latest(deviceId, sensor).map(row -> json(row.payload)).orElse(null));
        }
        return latest;
    }

    @GET
    @Path("devices/{id}/presence")
    public PresenceView presence(@PathParam("id") String deviceId) {
        caller();
        checkDevice(deviceId);
        DevicePresence presence = presences.find(deviceId)
                .orElseThrow(() -> ApiException.notFound("No presence known for device " + deviceId));
        return new PresenceView(deviceId, presence.state, presence.since.toString());
    }

    /** The latest GPS reading of every device the caller may see. */
    @GET
    @Path("positions")
    public List<Position> positions() {
        Caller caller = caller();
        requirePermission(caller, Sensor.GPS);
        List<Position> positions = new ArrayList<>();
        for (LatestReading row : readings.latestOf(Sensor.GPS)) {
            if (access.allows(caller, row.deviceId)) {
                positions.add(new Position(row.deviceId, json(row.payload)));
            }
        }
        return positions;
    }

    /** The latest reading of one sensor, in the shape the device's own {@code /api/{sensor}} answers. */
    @GET
    @Path("devices/{id}/{sensor}")
    public JsonNode latest(@PathParam("id") String deviceId, @PathParam("sensor") String sensorKey) {
        Sensor sensor = sensor(sensorKey);
        requirePermission(caller(), sensor);
        checkDevice(deviceId);
        return readings.latest(deviceId, sensor).map(row -> json(row.payload))
                .orElseThrow(() -> ApiException.notFound("No " + sensor.key() + " reading from device " + deviceId));
    }

    /**
     * The readings taken in [from, to] (ISO-8601 instants; by default the last 24 hours), oldest first, evenly
     * thinned to at most {@code max} points (default 500, at most 10,000) for charts and tracks.
     */
    @GET
    @Path("devices/{id}/{sensor}/history")
    public History history(@PathParam("id") String deviceId, @PathParam("sensor") String sensorKey,
            @QueryParam("from") String fromText, @QueryParam("to") String toText, @QueryParam("max") Integer max) {
        Sensor sensor = sensor(sensorKey);
        requirePermission(caller(), sensor);
        Instant to = instant(toText, "to", Instant.now());
        Instant from = instant(fromText, "from", to.minus(DEFAULT_PERIOD));
        int points = max == null ? DEFAULT_MAX_POINTS : max;
        if (points < 1 || points > MAX_POINTS) {
            throw ApiException.badRequest("max must be between 1 and " + MAX_POINTS);
        }
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from must not be after to");
        }
        checkDevice(deviceId);
        long total = readings.count(deviceId, sensor, from, to);
        long stride = Math.max(1, (total + points - 1) / points);
        List<JsonNode> items = readings.history(deviceId, sensor, from, to, stride).stream().map(this::json).toList();
        return new History(deviceId, sensor.key(), from.toString(), to.toString(), total, items);
    }

    /**
     * Server-Sent Events: the latest reading of each sensor the caller may see, then each new one, as events named
     * after the sensor with the reading as JSON data; {@code presence} events when the device comes or goes.
     * Browsers authenticate with {@code ?token=}; the stream ends when the token expires or is revoked.
     */
    @GET
    @Path("devices/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@PathParam("id") String deviceId, @Context Sse sse) {
        Set<Sensor> sensors = permitted();
        checkDevice(deviceId);
        Set<String> names = sensors.stream().map(Sensor::key).collect(Collectors.toSet());
        names.add("presence");
        List<OutboundSseEvent> current = new ArrayList<>();
        for (Sensor sensor : sensors) {
            readings.latest(deviceId, sensor).ifPresent(row -> current.add(event(sse, sensor.key(), row.payload)));
        }
        Multi<OutboundSseEvent> updates = live.of(deviceId).select().where(event -> names.contains(event.name()))
                .map(event -> event(sse, event.name(), event.json()));
        Principal principal = identity.getPrincipal();
        Multi<OutboundSseEvent> events = Multi.createBy().concatenating()
                .streams(Multi.createFrom().iterable(current), updates)
                .select().first(event -> credentials.holds(principal));
        return credentials.remaining(principal).map(left -> events.select().first(left)).orElse(events);
    }

    private OutboundSseEvent event(Sse sse, String name, String json) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(json(json)).build();
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkDevice(String deviceId) {
        if (!Topic.DEVICE_ID.matcher(deviceId).matches()) {
            throw ApiException.notFound("Device not found: " + deviceId);
        }
        access.check(identity, deviceId);
    }

    private Caller caller() {
        Caller caller = Caller.of(identity);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }

    private static void requirePermission(Caller caller, Sensor sensor) {
        if (!caller.has(sensor.permission())) {
            throw ApiException.forbidden(ErrorBody.MISSING_PERMISSIONS + sensor.permission());
        }
    }

    private static Sensor sensor(String key) {
        return Sensor.byKey(key).orElseThrow(() -> ApiException.notFound("Unknown sensor: " + key));
    }

    /** The sensors the caller's permissions cover: 401 when anonymous, 403 naming them all when none. */
    private Set<Sensor> permitted() {
        Caller caller = caller();
        Set<Sensor> sensors = EnumSet.noneOf(Sensor.class);
        for (Sensor sensor : Sensor.values()) {
            if (caller.has(sensor.permission())) {
                sensors.add(sensor);
            }
        }
        if (sensors.isEmpty()) {
            throw ApiException.forbidden(ErrorBody.MISSING_PERMISSIONS
                    + EnumSet.allOf(Sensor.class).stream().map(Sensor::permission).collect(Collectors.joining(", ")));
        }
        return sensors;
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
