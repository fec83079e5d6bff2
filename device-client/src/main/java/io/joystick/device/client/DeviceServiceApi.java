package io.joystick.device.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.apikey.ApiKeyHeaders;

/** device-service's API as the other services call it, with their API key. */
@RegisterRestClient(configKey = "device-service")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface DeviceServiceApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AllowList(String id, List<String> allow) {
    }

    record SlotBody(String slot) {
    }

    record StatusBody(String status) {
    }

    @GET
    @Path("devices")
    List<Device> devices();

    @GET
    @Path("devices/{id}")
    Device device(@PathParam("id") String deviceId);

    @GET
    @Path("devices/{id}/allow")
    AllowList allow(@PathParam("id") String deviceId);

    @PATCH
    @Path("devices/{id}/slot")
    @Consumes(MediaType.APPLICATION_JSON)
    Device setSlot(@PathParam("id") String deviceId, SlotBody body);

    @PATCH
    @Path("devices/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    Device setStatus(@PathParam("id") String deviceId, StatusBody body);

    @POST
    @Path("run/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode run(@PathParam("id") String deviceId, @PathParam("action") String action,
            @QueryParam("timeout") long timeoutSeconds, @QueryParam("log") boolean log, Map<String, ?> parameters);
}
