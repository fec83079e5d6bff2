package io.joystick.auth.testapp;

import java.net.ConnectException;

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

    @GET
    @Path("/named")
    public String named() {
        throw new DependencyUnreachable("MediaMTX", new ConnectException("Connection refused"));
    }
}
