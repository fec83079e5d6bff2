package io.joystick.auth.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.joystick.auth.revocation.RevocationsPage;

@RegisterRestClient(configKey = "joystick-auth")
@Path("/")
interface AuthServiceApi {

    @GET
    @Path(".well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    String jwks();

    @GET
    @Path("api/auth/revocations")
    @Produces(MediaType.APPLICATION_JSON)
    RevocationsPage revocations(@QueryParam("since") long since, @HeaderParam("X-API-Key") String apiKey);
}
