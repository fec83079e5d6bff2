package io.joystick.auth.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.joystick.auth.apikey.ApiKeyHeaders;
import io.joystick.auth.revocation.RevocationsPage;

/** auth-service's routes for services, called with the service key. */
@RegisterRestClient(configKey = "joystick-auth")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Path("/")
interface AuthServiceApi {

    @GET
    @Path("api/auth/revocations")
    @Produces(MediaType.APPLICATION_JSON)
    RevocationsPage revocations(@QueryParam("since") long since);
}
