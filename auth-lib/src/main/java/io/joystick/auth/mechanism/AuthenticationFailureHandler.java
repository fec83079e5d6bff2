package io.joystick.auth.mechanism;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.joystick.auth.error.ErrorBody;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;

/**
 * Proactive authentication fails before JAX-RS sees the request; this gives those 401s the suite's
 * error shape too.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !context.response().headWritten()) {
                context.response().setStatusCode(401)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(ErrorBody.unauthorizedJson());
            } else {
                context.next();
            }
        });
    }
}
