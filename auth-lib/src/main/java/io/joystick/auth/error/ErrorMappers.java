package io.joystick.auth.error;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps every failure a resource can raise to the suite's error shape; never a stack trace. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return ErrorBody.response(e.status(), e.getMessage());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return ErrorBody.unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = "Access denied";
        }
        return ErrorBody.response(403, message);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<String> problems = e.getConstraintViolations().stream()
                .map(ErrorMappers::describe)
                .sorted()
                .collect(Collectors.toList());
        return ErrorBody.response(400,
                new ErrorBody(false, "Validation failed: " + String.join("; ", problems), problems));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return ErrorBody.response(400, "Invalid JSON body: " + e.getOriginalMessage());
    }

    /** Quarkus maps this subtype itself (400, empty body) unless it is named here. */
    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /**
     * A chunked body that grows past the limit fails while it is read; Quarkus has already answered 413 by
     * then, so this only keeps it out of the error log. So does a body the client aborted or garbled.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("too large")) {
            return ErrorBody.response(413, "Request body too large");
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return ErrorBody.response(status, status == 404 ? "Not found" : reason);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseFaults.unavailable(e)) {
            LOG.warnf("Request failed, the database is unavailable: %s", ClientFaults.describe(e));
            return ErrorBody.response(503, "The database is unavailable; try again shortly");
        }
        if (ClientFaults.isClientCaused(e)) {
            LOG.debugf("Request failed on the client's side: %s", ClientFaults.describe(e));
            return ErrorBody.response(400, "Malformed or interrupted request");
        }
        LOG.error("Unhandled error", e);
        return ErrorBody.response(500, "Internal server error");
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        String field = dot >= 0 ? path.substring(dot + 1) : path;
        return field + ": " + violation.getMessage();
    }
}
