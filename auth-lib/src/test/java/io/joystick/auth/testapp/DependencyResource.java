package io.joystick.auth.testapp;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.error.DependencyUnreachable;
import io.joystick.auth.testapp.device.client.FailingDeviceClient;

/** Public routes whose dependency fails, for the dependency error mappers. */
@Path("/test/dependency")
@Produces(MediaType.APPLICATION_JSON)
public class DependencyResource {

    private final FailingDeviceClient devices;

    public DependencyResource(FailingDeviceClient devices) {
        this.devices = devices;
    }

    @GET
    @Path("/slow")
    public String slow() throws InterruptedException {
        return devices.neverAnswers();
    }

    @GET
    @Path("/down")
    public String down() {
        return devices.refused();
    }

    @GET
    @Path("/failing")
    public String failing() {
        return devices.failing();
    }

    /** What a JDBC driver throws when its connection to a restarting database breaks mid-statement. */
    @GET
    @Path("/database")
    public String database() {
        throw new IllegalStateException("could not execute statement", new SQLException(
                "An I/O error occurred while sending to the backend.", "08006", new EOFException()));
    }

    @GET
    @Path("/named")
    public String named() {
        throw new DependencyUnreachable("MediaMTX", new ConnectException("Connection refused"));
    }
}
