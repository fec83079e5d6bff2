package io.joystick.auth.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request line with an HTTP version other than 1.0 or 1.1 (say {@code HTTP/1.2} or {@code HTTX/1.1}) is
 * answered 501 and the connection closed, in every service. Vert.x itself answers so in a service with
 * WebSocket endpoints, before any route runs; without WebSockets it would hand such a request to the routes,
 * which answered it as if it were HTTP/1.1.
 */
@ApplicationScoped
public class HttpVersionCheck {

    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseUnknownVersion);
    }

    private void refuseUnknownVersion(RoutingContext context) {
        if (context.request().version() != null) {
            context.next();
            return;
        }
        context.response().setStatusCode(501).putHeader("Connection", "close").end()
                .onComplete(ignored -> context.request().connection().close());
    }
}
