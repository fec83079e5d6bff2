package io.joystick.device.accesscache;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's cache of device allow-lists (the notification-client's URL and timeouts). */
@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Path("/api/internal/device-access")
interface NotificationAccessCacheApi {

    @DELETE
    @Path("{deviceId}")
    void forget(@PathParam("deviceId") String deviceId);
}
