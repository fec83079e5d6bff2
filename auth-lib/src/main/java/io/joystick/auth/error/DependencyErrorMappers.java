package io.joystick.auth.error;

import java.util.Map;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A dependency that is down or slow, in every service alike: 504 when it did not answer in time, 503 when its
 * circuit is open or it cannot be reached, each naming it and nothing else (no URL, no response body). A client
 * that knows what it could not reach throws {@link DependencyUnreachable}; a timeout or an open circuit is raised
 * by the fault-tolerance interceptor around the client bean, and its message or the stack names the client's
 * package, which names the dependency.
 */
public class DependencyErrorMappers {

    /** Package fragments of the REST clients (docs/architecture.md#10-code-layout-and-style) and what they call. */
    private static final Map<String, String> CLIENT_PACKAGES = Map.of(
            ".stream.client.", "MediaMTX",
            ".device.client.", "device-service",
            ".notification.client.", "notification-service",
            ".auth.client.", "auth-service",
            ".device.switcher.", "switcher-client");

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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DependencyUnreachable named) {
                return named.dependency();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SmallRye Fault Tolerance names the guarded method in its message ("<class>#<method> timed out")
            String named = client(t.getMessage());
            if (named != null) {
                return named;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                named = client(frame.getClassName());
                if (named != null) {
                    return named;
                }
            }
        }
        return "A dependency";
    }

    private static String client(String text) {
        if (text != null) {
            for (Map.Entry<String, String> client : CLIENT_PACKAGES.entrySet()) {
                if (text.contains(client.getKey())) {
                    return client.getValue();
                }
            }
        }
        return null;
    }
}
