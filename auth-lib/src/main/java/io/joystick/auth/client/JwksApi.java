package io.joystick.auth.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's public keys: public, so fetched without the service key (a key auth-service does not know must not cost a service its tokens). */
@RegisterRestClient(configKey = "joystick-auth")
@Path("/")
interface JwksApi {

    @GET
    @Path(".well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    String jwks();
}
