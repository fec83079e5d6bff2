package io.joystick.auth.http;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.joystick.auth.config.JoystickConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response of every service: no content sniffing, no referrer leaving the suite, and no
 * caching of responses that carry tokens ({@code joystick.http.no-store-paths}). Added when the headers are
 * written, so error answers of later handlers carry them too.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final List<String> noStorePaths;

    public SecurityHeaders(JoystickConfig config) {
        this.noStorePaths = config.http().noStorePaths().stream().map(SecurityHeaders::withoutTrailingSlash).toList();
    }

    /** Before every other handler, so that no answer goes out without them. */
    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::addOnHeadersEnd);
    }

    private void addOnHeadersEnd(RoutingContext context) {
        boolean noStore = isNoStore(context.normalizedPath());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            if (!headers.contains("Referrer-Policy")) {
                headers.set("Referrer-Policy", "no-referrer");
            }
            if (noStore) {
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }

    boolean isNoStore(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : noStorePaths) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String withoutTrailingSlash(String path) {
        String trimmed = path.trim();
        return trimmed.length() > 1 && trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
