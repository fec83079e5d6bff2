package io.joystick.switcher.stream.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * MediaMTX's control API (v3): path configuration, the paths as they run now, the server's own description.
 * Every request carries the API credentials ({@link MediaMtxCredentials}).
 */
@RegisterRestClient(configKey = "mediamtx")
@RegisterClientHeaders(MediaMtxCredentials.class)
@Path("/v3")
interface MediaMtxApi {

    /** {@code {"pageCount":…,"items":[{"name":…},…]}}; pages count from 0. */
    @GET
    @Path("config/paths/list")
    JsonNode configuredPaths(@QueryParam("page") int page, @QueryParam("itemsPerPage") int itemsPerPage);

    @POST
    @Path("config/paths/add/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    void add(@PathParam("name") String name, ObjectNode path);

    @POST
    @Path("config/paths/replace/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    void replace(@PathParam("name") String name, ObjectNode path);

    @PATCH
    @Path("config/paths/patch/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    void patch(@PathParam("name") String name, ObjectNode path);

    @DELETE
    @Path("config/paths/delete/{name}")
    void delete(@PathParam("name") String name);

    /** {@code {"pageCount":…,"items":[{"name":…,"ready":…,"readers":[…],"source":{…}},…]}}; pages count from 0. */
    @GET
    @Path("paths/list")
    JsonNode runtimePaths(@QueryParam("page") int page, @QueryParam("itemsPerPage") int itemsPerPage);

    /** {@code {"version":…,"started":…}}. */
    @GET
    @Path("info")
    Response info();
}
