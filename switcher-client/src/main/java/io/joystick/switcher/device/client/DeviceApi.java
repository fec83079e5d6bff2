package io.joystick.switcher.device.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** The Joystick API (device-service), as the switcher calls it with its API key. */
@RegisterRestClient(configKey = "device-service")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface DeviceApi {

    record SlotBody(String slot) {
    }

    record StatusBody(String status) {
    }

    @GET
    @Path("devices")
    List<Device> devices(@HeaderParam("X-API-Key") String apiKey);

    @GET
    @Path("devices/{id}")
    Device device(@PathParam("id") String id, @HeaderParam("X-API-Key") String apiKey);

    @GET
    @Path("devices/{id}/allow")
    JsonNode allow(@PathParam("id") String id, @HeaderParam("X-API-Key") String apiKey);

    @PATCH
    @Path("devices/{id}/slot")
    @Consumes(MediaType.APPLICATION_JSON)
    Device setSlot(@PathParam("id") String id, SlotBody body, @HeaderParam("X-API-Key") String apiKey);

    @PATCH
    @Path("devices/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    Device setStatus(@PathParam("id") String id, StatusBody body, @HeaderParam("X-API-Key") String apiKey);

    /** {@code log=false}: checks every few seconds would bury the device's action log in the UI. */
    @POST
    @Path("run/{id}/slot-check")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode slotCheck(@PathParam("id") String id, @QueryParam("timeout") long timeoutSeconds,
            @QueryParam("log") boolean log, SlotBody body, @HeaderParam("X-API-Key") String apiKey);
}
