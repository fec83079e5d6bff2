package io.joystick.switcher.stream.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** MediaMTX's control API (v3): the server's own description ({@code {"version":…,"started":…}}). */
@RegisterRestClient(configKey = "mediamtx")
@Path("/v3/info")
interface MediaMtxInfoApi {

    @GET
    Response info(@HeaderParam("Authorization") String authorization);
}
