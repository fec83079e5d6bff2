package io.joystick.fleet.live.rest;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.joystick.auth.revocation.CredentialLifetime;
import io.joystick.fleet.access.service.FleetAccess;
import io.joystick.fleet.live.service.LiveEvents;
import io.joystick.fleet.reading.Sensor;
import io.joystick.fleet.reading.repository.ReadingRepository;
import io.joystick.fleet.reading.service.StoredJson;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/** A device's telemetry and presence as they arrive, over Server-Sent Events. */
@Path("/api/fleet/devices/{id}/stream")
@Authenticated
public class StreamResource {

    private final ReadingRepository readings;
    private final FleetAccess access;
    private final SecurityIdentity identity;
    private final LiveEvents live;
    private final CredentialLifetime credentials;
    private final StoredJson json;

    public StreamResource(ReadingRepository readings, FleetAccess access, SecurityIdentity identity, LiveEvents live,
            CredentialLifetime credentials, StoredJson json) {
        this.readings = readings;
        this.access = access;
        this.identity = identity;
        this.live = live;
        this.credentials = credentials;
        this.json = json;
    }

    /**
     * The latest reading of each sensor the caller may see, then each new one, as events named after the sensor
     * with the reading as JSON data; {@code presence} events when the device comes or goes. Browsers authenticate
     * with {@code ?token=}; the stream ends when the token expires or is revoked.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@PathParam("id") String deviceId, @Context Sse sse) {
        Set<Sensor> sensors = access.permitted();
        access.checkDevice(deviceId);
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

    private OutboundSseEvent event(Sse sse, String name, String text) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(json.of(text)).build();
    }
}
