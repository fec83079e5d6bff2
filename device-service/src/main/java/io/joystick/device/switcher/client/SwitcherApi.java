package io.joystick.device.switcher.client;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.joystick.auth.apikey.ApiKeyHeaders;

/** switcher-client's stream control, called with the API key. */
@RegisterRestClient(configKey = "switcher")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Path("/api/mode")
interface SwitcherApi {

    @POST
    @Path("{device}/{mode}")
    void mode(@PathParam("device") String device, @PathParam("mode") String mode);
}
