package io.joystick.switcher.common;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.joystick.auth.error.ErrorBody;

/** A dependency (device-service, MediaMTX, notification-service) that is down or slow: 503/504, never a hang. */
public class DependencyErrorMappers {

    @ServerExceptionMapper
    public Response timedOut(TimeoutException e) {
        return ErrorBody.response(504, "A dependency did not answer in time");
    }

    @ServerExceptionMapper
    public Response circuitOpen(CircuitBreakerOpenException e) {
        return ErrorBody.response(503, "A dependency is failing; try again shortly");
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        return ErrorBody.response(503, "A dependency is unreachable");
    }
}
