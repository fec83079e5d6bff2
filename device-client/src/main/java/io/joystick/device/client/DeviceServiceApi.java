package io.joystick.device.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@RegisterRestClient(configKey = "device-service")
@Path("/api/devices")
interface DeviceServiceApi {

    @GET
    @Path("/{id}/allow")
    @Produces(MediaType.APPLICATION_JSON)
    AllowList allow(@PathParam("id") String deviceId, @HeaderParam("X-API-Key") String apiKey);

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    DeviceInfo device(@PathParam("id") String deviceId, @HeaderParam("X-API-Key") String apiKey);

    record AllowList(String id, List<String> allow) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeviceInfo(String id, String owner) {
    }
}
