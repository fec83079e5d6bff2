package io.joystick.switcher.common;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.joystick.auth.error.ErrorBody;

/**
 * A dependency (device-service, MediaMTX, notification-service) that is down or slow: 503/504 naming it, never
 * a hang. A client that names what it could not reach throws {@link DependencyUnreachable}; a timeout or an open
 * circuit is raised by the fault-tolerance interceptor around the client bean, on the caller's thread, so the
 * bean's package on the stack names the dependency.
 */
public class DependencyErrorMappers {

    @ServerExceptionMapper
    public Response timedOut(TimeoutException e) {
        return ErrorBody.response(504, dependency(e) + " did not answer in time");
    }

    @ServerExceptionMapper
    public Response circuitOpen(CircuitBreakerOpenException e) {
        return ErrorBody.response(503, dependency(e) + " is failing; try again shortly");
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        return ErrorBody.response(503, dependency(e) + " is unreachable");
    }

    static String dependency(Throwable e) {
        if (e instanceof DependencyUnreachable named) {
            return named.dependency();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String type = frame.getClassName();
                if (type.contains(".stream.client.")) {
                    return "MediaMTX";
                }
                if (type.contains(".device.client.")) {
                    return "device-service";
                }
                if (type.contains(".notification.")) {
                    return "notification-service";
                }
            }
        }
        return "A dependency";
    }
}
