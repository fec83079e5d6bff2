package io.joystick.auth.testapp;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.mechanism.JwtIdentityProvider;
import io.joystick.auth.permission.Caller;
import io.joystick.auth.permission.PermissionsRequired;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** A tiny application that exercises every auth-lib check. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public class ProtectedResource {

    private final SecurityIdentity identity;
    private final DeviceAccess deviceAccess;

    public ProtectedResource(SecurityIdentity identity, DeviceAccess deviceAccess) {
        this.identity = identity;
        this.deviceAccess = deviceAccess;
    }

    @GET
    @Path("/public")
    public Map<String, Object> open() {
        return Map.of("success", true);
    }

    @GET
    @Path("/me")
    @Authenticated
    public Caller me() {
        return Caller.of(identity);
    }

    /** The expiry on the caller's identity (epoch seconds), or -1 when it has none. */
    @GET
    @Path("/me/expires")
    @Authenticated
    public Map<String, Object> expires() {
        Long expires = identity.getAttribute(JwtIdentityProvider.EXPIRE_TIME);
        return Map.of("expires", expires == null ? -1L : expires);
    }

    /** The caller's id as one Server-Sent Event: a stream a browser opens with {@code ?token=}. */
    @GET
    @Path("/me/events")
    @Authenticated
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public io.smallrye.mutiny.Multi<String> meAsEvent() {
        return io.smallrye.mutiny.Multi.createFrom().item(identity.getPrincipal().getName());
    }

    @GET
    @Path("/gps")
    @PermissionsRequired("device-gps")
    public Map<String, Object> gps() {
        return Map.of("success", true);
    }

    @GET
    @Path("/cellular-and-battery")
    @PermissionsRequired({"device-cpsi", "device-battery"})
    public Map<String, Object> cellularAndBattery() {
        return Map.of("success", true);
    }

    @GET
    @Path("/position")
    @PermissionsRequired(anyOf = {"device-gps", "device-imu"})
    public Map<String, Object> position() {
        return Map.of("success", true);
    }

    @GET
    @Path("/cellular-and-position")
    @PermissionsRequired(value = "device-cpsi", anyOf = {"device-gps", "device-imu"})
    public Map<String, Object> cellularAndPosition() {
        return Map.of("success", true);
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public Map<String, Object> admin() {
        return Map.of("success", true);
    }

    @GET
    @Path("/devices/{id}")
    @Authenticated
    public Map<String, Object> device(@PathParam("id") String id) {
        deviceAccess.check(identity, id);
        return Map.of("success", true, "device", id);
    }

    /** Public, so that body handling (size limit, malformed JSON) is tested apart from authentication. */
    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> echo(Map<String, Object> body) {
        return Map.of("success", true, "fields", body.size());
    }

    /** A fault of the server's own, for the tests that check it is still logged as an error. */
    @GET
    @Path("/fault")
    public Map<String, Object> fault() {
        throw new IllegalStateException("a fault of the server's own");
    }
}
