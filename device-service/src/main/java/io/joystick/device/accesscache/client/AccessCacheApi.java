package io.joystick.device.accesscache.client;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A service's cache of device allow-lists; built once per peer by {@link AllowListChanges}. */
@Path("/api/internal/device-access")
public interface AccessCacheApi {

    @DELETE
    @Path("{deviceId}")
    CompletionStage<Void> forget(@PathParam("deviceId") String deviceId);
}
