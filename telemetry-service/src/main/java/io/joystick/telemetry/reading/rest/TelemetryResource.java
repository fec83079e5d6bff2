package io.joystick.telemetry.reading.rest;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.joystick.auth.revocation.CredentialLifetime;
import io.joystick.telemetry.reading.BatteryReading;
import io.joystick.telemetry.reading.CellReading;
import io.joystick.telemetry.reading.GpsReading;
import io.joystick.telemetry.reading.ImuReading;
import io.joystick.telemetry.reading.Reading;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.service.ReadingStore;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;

/** The latest readings (docs/architecture.md#5-telemetry-service), each behind its permission; 503 when there is none or it is stale. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TelemetryResource {

    private final ReadingStore store;
    private final SecurityIdentity identity;
    private final CredentialLifetime credentials;

    public TelemetryResource(ReadingStore store, SecurityIdentity identity, CredentialLifetime credentials) {
        this.store = store;
        this.identity = identity;
        this.credentials = credentials;
    }

    @GET
    @Path("gps")
    @PermissionsRequired("device-gps")
    public GpsReading gps() {
        return (GpsReading) store.require(Sensor.GPS);
    }

    @GET
    @Path("imu")
    @PermissionsRequired("device-imu")
    public ImuReading imu() {
        return (ImuReading) store.require(Sensor.IMU);
    }

    @GET
    @Path("battery")
    @PermissionsRequired("device-battery")
    public BatteryReading battery() {
        return (BatteryReading) store.require(Sensor.BATTERY);
    }

    @GET
    @Path("cpsi")
    @PermissionsRequired("device-cpsi")
    public CellReading cpsi() {
        return (CellReading) store.require(Sensor.CELLULAR);
    }

    /**
     * Every sensor the caller may see, keyed {@code gps}, {@code imu}, {@code battery}, {@code cpsi}; null
     * when that sensor has no fresh reading. Sensors the caller may not see are left out.
     */
    @GET
    @Path("telemetry")
    @PermissionsRequired(anyOf = {"device-gps", "device-imu", "device-battery", "device-cpsi"})
    public LatestReadings all() {
        Set<Sensor> permitted = permitted();
        return new LatestReadings(fresh(permitted, Sensor.GPS, GpsReading.class),
                fresh(permitted, Sensor.IMU, ImuReading.class), fresh(permitted, Sensor.BATTERY, BatteryReading.class),
                fresh(permitted, Sensor.CELLULAR, CellReading.class));
    }

    /** Null when the caller may not see the sensor (left out of the answer), empty when it has no fresh reading. */
    private <R extends Reading> Optional<R> fresh(Set<Sensor> permitted, Sensor sensor, Class<R> type) {
        return permitted.contains(sensor) ? store.fresh(sensor).map(type::cast) : null;
    }

    /**
     * Server-Sent Events: the current readings, then each new one, as events named after the sensor with the
     * reading as JSON data; only the sensors the caller may see. Browsers authenticate with {@code ?token=}.
     * The stream ends when the token expires or is revoked (the browser then reconnects with a fresh one).
     */
    @GET
    @Path("telemetry/stream")
    @PermissionsRequired(anyOf = {"device-gps", "device-imu", "device-battery", "device-cpsi"})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Set<Sensor> sensors = permitted();
        Multi<OutboundSseEvent> current = Multi.createFrom().iterable(sensors)
                .onItem().transformToIterable(sensor -> store.fresh(sensor).stream()
                        .map(reading -> event(sse, sensor, reading)).toList());
        Multi<OutboundSseEvent> live = store.events()
                .select().where(event -> sensors.contains(event.sensor()))
                .map(event -> event(sse, event.sensor(), event.reading()));
        Principal principal = identity.getPrincipal();
        Multi<OutboundSseEvent> events = Multi.createBy().concatenating().streams(current, live)
                .select().first(event -> credentials.holds(principal));
        return credentials.remaining(principal).map(left -> events.select().first(left)).orElse(events);
    }

    private static OutboundSseEvent event(Sse sse, Sensor sensor, Reading reading) {
        return sse.newEventBuilder().name(sensor.key()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(reading)
                .build();
    }

    /** The sensors the caller's permissions cover: 401 when anonymous, 403 naming them all when none. */
    /** The sensors the caller may see: at least one, as the endpoints' any-of permission guarantees. */
    private Set<Sensor> permitted() {
        Caller caller = Caller.require(identity);
        Set<Sensor> sensors = EnumSet.noneOf(Sensor.class);
        for (Sensor sensor : Sensor.values()) {
            if (caller.has(sensor.permission())) {
                sensors.add(sensor);
            }
        }
        return sensors;
    }
}
