package io.joystick.floor;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The same paths telemetry-footprint.sh calls on telemetry-service, answered with a constant-shaped record. */
@Path("/api")
public class FloorResource {

    public record Reading(String source, Instant timestamp, double latitude, double longitude) {
    }

    @GET
    @Path("health")
    public Reading health() {
        return reading();
    }

    @GET
    @Path("gps")
    public Reading gps() {
        return reading();
    }

    @GET
    @Path("telemetry")
    public Reading telemetry() {
        return reading();
    }

    private static Reading reading() {
        return new Reading("floor", Instant.now(), 48.1173, 11.5167);
    }
}
