package io.joystick.switcher.stream.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** MediaMTX's control API (v3), the paths as they run now (not their configuration). */
@RegisterRestClient(configKey = "mediamtx")
@Path("/v3/paths")
interface MediaMtxRuntimeApi {

    /** {@code {"pageCount":…,"items":[{"name":…,"ready":…,"readers":[…],"source":{…}},…]}}; pages count from 0. */
    @GET
    @Path("list")
    JsonNode list(@QueryParam("page") int page, @QueryParam("itemsPerPage") int itemsPerPage,
            @HeaderParam("Authorization") String authorization);
}
