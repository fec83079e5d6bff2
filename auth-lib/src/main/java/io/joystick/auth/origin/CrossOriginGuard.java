package io.joystick.auth.origin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.auth.mechanism.Credentials;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF and cross-site WebSocket hijacking: a browser attaches the session cookie to requests that other
 * sites make it send. When the cookie is the request's credential, a state-changing method or a WebSocket
 * upgrade must come from a public origin, else 403 before authentication even starts. SameSite=Strict
 * already keeps the cookie off most such requests; this also covers same-site pages of other origins and
 * older browsers. Header and API-key credentials are never sent by a browser on its own and pass untouched.
 */
@ApplicationScoped
public class CrossOriginGuard {

    public static final String REFUSED = "Cross-origin request refused";

    private static final Logger LOG = Logger.getLogger(CrossOriginGuard.class);
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private static final String REFUSED_BODY =
            new JsonObject().put("success", false).put("error", REFUSED).encode();

    private final SameOrigin sameOrigin;

    public CrossOriginGuard(SameOrigin sameOrigin) {
        this.sameOrigin = sameOrigin;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (needsSameOrigin(request) && Credentials.from(request) instanceof Credentials.SessionCookie
                && !sameOrigin.proven(request)) {
            LOG.debugf("Refused %s %s with the session cookie from origin %s", request.method(),
                    context.normalizedPath(), request.getHeader("Origin"));
            context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(REFUSED_BODY);
            return;
        }
        context.next();
    }

    private static boolean needsSameOrigin(HttpServerRequest request) {
        return !SAFE_METHODS.contains(request.method()) || isWebSocketUpgrade(request);
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket");
    }
}
