package io.joystick.device.ping.rest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.device.registry.repository.Device;
import io.joystick.device.registry.service.DeviceService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code GET /api/ping/{device}}: can the active slot's SSH port be reached, and how fast. */
@Path("/api/ping")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PingResource {

    private final DeviceService devices;
    private final DeviceAccess access;
    private final SecurityIdentity identity;
    private final int timeoutMillis;

    public PingResource(DeviceService devices, DeviceAccess access, SecurityIdentity identity,
            @ConfigProperty(name = "joystick.ping.timeout", defaultValue = "3s") java.time.Duration timeout) {
        this.devices = devices;
        this.access = access;
        this.identity = identity;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    @GET
    @Path("/{device}")
    public PingResult ping(@PathParam("device") String deviceId) {
        access.check(identity, deviceId);
        Device device = devices.require(deviceId);
        String host = device.hostOf(device.activeSlot);
        if (host == null) {
            return PingResult.noHost(device.activeSlot);
        }
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, device.sshPort()), timeoutMillis);
            return PingResult.reachable(host, device.activeSlot, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return PingResult.unreachable(host, device.activeSlot,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
