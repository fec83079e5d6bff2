package io.joystick.device.run.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.common.ClientAddress;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.device.run.service.ActionRunner;
import io.joystick.device.run.service.ParameterException;
import io.joystick.device.run.service.RunOutcome;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/run")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RunActionResource {

    private final ActionRunner runner;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public RunActionResource(ActionRunner runner, SecurityIdentity identity, ObjectMapper json) {
        this.runner = runner;
        this.identity = identity;
        this.json = json;
    }

    /** The body is the parameters object; an empty body means no parameters. */
    @POST
    @Path("/{device}/{action}")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The command exited with 0",
            content = @Content(schema = @Schema(implementation = RunOutcome.class)))
    @APIResponse(responseCode = "500", description = "The command exited with another code",
            content = @Content(schema = @Schema(implementation = RunOutcome.class)))
    @APIResponse(responseCode = "502", description = "The device could not be reached or refused the login",
            content = @Content(schema = @Schema(implementation = RunOutcome.class)))
    @APIResponse(responseCode = "504", description = "The command timed out",
            content = @Content(schema = @Schema(implementation = RunOutcome.class)))
    public Response run(@PathParam("device") String device, @PathParam("action") String action, String body,
            @QueryParam("timeout") Integer timeout, @QueryParam("log") Boolean log, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        ActionRunner.Result result = runner.run(new ActionRunner.Request(Caller.of(identity), device, action,
                parse(body), timeout, Boolean.FALSE.equals(log),
                ClientAddress.of(request),
                headers.getHeaderString(HttpHeaders.USER_AGENT)));
        return Response.status(result.status()).type(MediaType.APPLICATION_JSON).entity(result.outcome()).build();
    }

    @ServerExceptionMapper
    public Response invalidParameters(ParameterException e) {
        return ErrorBody.response(400, new ErrorBody(false, e.getMessage(), e.problems()));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
    }
}
