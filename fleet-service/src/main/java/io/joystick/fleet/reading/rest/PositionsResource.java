package io.joystick.fleet.reading.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.permission.Caller;
import io.joystick.fleet.access.service.FleetAccess;
import io.joystick.fleet.reading.Sensor;
import io.joystick.fleet.reading.repository.LatestReading;
import io.joystick.fleet.reading.repository.ReadingRepository;
import io.joystick.fleet.reading.service.StoredJson;
import io.quarkus.security.Authenticated;

/** The fleet map: the latest GPS reading of every device the caller may see. */
@Path("/api/fleet/positions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PositionsResource {

    private final ReadingRepository readings;
    private final FleetAccess access;
    private final StoredJson json;

    public PositionsResource(ReadingRepository readings, FleetAccess access, StoredJson json) {
        this.readings = readings;
        this.access = access;
        this.json = json;
    }

    @GET
    public List<Position> positions() {
        Caller caller = access.caller();
        FleetAccess.requirePermission(caller, Sensor.GPS);
        List<Position> positions = new ArrayList<>();
        for (LatestReading row : readings.latestOf(Sensor.GPS)) {
            if (access.allows(caller, row.deviceId)) {
                positions.add(new Position(row.deviceId, json.of(row.payload)));
            }
        }
        return positions;
    }
}
