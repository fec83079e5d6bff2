package io.joystick.switcher.stream.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** MediaMTX's control API (v3), path configuration only. */
@RegisterRestClient(configKey = "mediamtx")
@Path("/v3/config/paths")
interface MediaMtxApi {

    /** {@code {"pageCount":…,"items":[{"name":…},…]}}; pages count from 0. */
    @GET
    @Path("list")
    JsonNode list(@QueryParam("page") int page, @QueryParam("itemsPerPage") int itemsPerPage,
            @HeaderParam("Authorization") String authorization);

    @POST
    @Path("add/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    void add(@PathParam("name") String name, ObjectNode path, @HeaderParam("Authorization") String authorization);

    @POST
    @Path("replace/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    void replace(@PathParam("name") String name, ObjectNode path, @HeaderParam("Authorization") String authorization);

    @PATCH
    @Path("patch/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    void patch(@PathParam("name") String name, ObjectNode path, @HeaderParam("Authorization") String authorization);

    @DELETE
    @Path("delete/{name}")
    void delete(@PathParam("name") String name, @HeaderParam("Authorization") String authorization);
}
