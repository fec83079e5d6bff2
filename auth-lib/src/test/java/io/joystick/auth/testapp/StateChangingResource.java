package io.joystick.auth.testapp;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.permission.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Unsafe methods behind authentication, for the cross-origin checks of cookie credentials. */
@Path("/test/state")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class StateChangingResource {

    private final SecurityIdentity identity;

    public StateChangingResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @POST
    public Map<String, Object> change() {
        return Map.of("success", true, "caller", Caller.of(identity).id());
    }

    @DELETE
    public Map<String, Object> remove() {
        return change();
    }
}
