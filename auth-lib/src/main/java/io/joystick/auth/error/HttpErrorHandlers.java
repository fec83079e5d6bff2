package io.joystick.auth.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers that happen below JAX-RS get the suite's error shape too: 401s of proactive authentication
 * (PocketBase's shape on the PocketBase-compatible routes), and 413 for a body over the limit. Failures the
 * client caused (see {@link ClientFaults}) are a 400 logged at DEBUG.
 */
@ApplicationScoped
public class HttpErrorHandlers {

    /** PocketBase-compatible routes keep PocketBase's error shape (docs/architecture.md#3-auth-service): its SDK parses it. */
    private static final String POCKETBASE_ROUTES = "/api/collections/";
    private static final String POCKETBASE_401 =
            "{\"code\":401,\"message\":\"The request requires valid record authorization token.\",\"data\":{}}";

    private static final Logger LOG = Logger.getLogger(HttpErrorHandlers.class);

    private final long maxBodyBytes;

    public HttpErrorHandlers(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::rejectDeclaredOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
    }

    private void rejectDeclaredOversizedBody(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            context.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close")
                    .end(json("Request body too large (limit " + maxBodyBytes / 1024 + " KiB)"));
            return;
        }
        context.next();
    }

    private void answerFailure(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure != null && ClientFaults.isClientCaused(failure)) {
            // Otherwise Quarkus logs it at ERROR with its stack trace.
            LOG.debugf("Request failed on the client's side: %s", ClientFaults.describe(failure));
            if (!context.response().ended()) {
                if (context.response().headWritten()) {
                    context.response().reset();
                } else {
                    context.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                            .putHeader("Connection", "close").end(json("Malformed or interrupted request"));
                }
            }
            return;
        }
        if (context.response().ended() && failure instanceof IllegalStateException
                && "Response has already been written".equals(failure.getMessage())) {
            // A body over the limit is answered 413 while the resource still reads it; its own answer comes too late.
            LOG.debugf("A second answer to %s, already answered %d", context.normalizedPath(),
                    context.response().getStatusCode());
            return;
        }
        if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                && !context.response().headWritten()) {
            boolean pocketBase = context.normalizedPath().startsWith(POCKETBASE_ROUTES);
            context.response().setStatusCode(401)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("WWW-Authenticate", "Bearer")
                    .end(pocketBase ? POCKETBASE_401 : ErrorBody.unauthorizedJson());
        } else {
            context.next();
        }
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String json(String message) {
        return "{\"success\":false,\"error\":\"" + message + "\"}";
    }
}
