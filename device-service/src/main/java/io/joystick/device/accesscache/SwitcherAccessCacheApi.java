package io.joystick.device.accesscache;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** switcher-client's cache of device allow-lists (the switcher's URL and timeouts). */
@RegisterRestClient(configKey = "switcher")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Path("/api/internal/device-access")
interface SwitcherAccessCacheApi {

    @DELETE
    @Path("{deviceId}")
    void forget(@PathParam("deviceId") String deviceId);
}
