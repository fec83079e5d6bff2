package io.joystick.auth.mechanism;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.joystick.auth.error.ErrorBody;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;

/**
 * Proactive authentication fails before JAX-RS sees the request; this gives those 401s the suite's
 * error shape too (PocketBase's on the PocketBase-compatible routes).
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

    /** PocketBase-compatible routes keep PocketBase's error shape (DESIGN §3): its SDK parses it. */
    private static final String POCKETBASE_ROUTES = "/api/collections/";
    private static final String POCKETBASE_401 =
            "{\"code\":401,\"message\":\"The request requires valid record authorization token.\",\"data\":{}}";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !context.response().headWritten()) {
                context.response().setStatusCode(401)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(context.normalizedPath().startsWith(POCKETBASE_ROUTES) ? POCKETBASE_401 : ErrorBody.unauthorizedJson());
            } else {
                context.next();
            }
        });
    }
}
