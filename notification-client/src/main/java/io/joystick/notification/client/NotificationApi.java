package io.joystick.notification.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.apikey.ApiKeyHeaders;

@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Path("/api/notifications")
interface NotificationApi {

    @POST
    @Path("send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode send(Notification notification);
}
