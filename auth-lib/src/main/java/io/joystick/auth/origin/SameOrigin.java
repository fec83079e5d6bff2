package io.joystick.auth.origin;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpServerRequest;

/**
 * Whether a browser request comes from one of the console's own pages: its {@code Origin} is a configured
 * public origin, or the browser itself says {@code Sec-Fetch-Site: same-origin}. Only browsers attach the
 * session cookie on their own, so only cookie-authenticated requests need this.
 */
@ApplicationScoped
public class SameOrigin {

    private final Set<String> publicOrigins;

    public SameOrigin(PublicOriginsConfig config) {
        this.publicOrigins = config.publicOrigins().stream().map(SameOrigin::normalize)
                .filter(origin -> !origin.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** True when the request proves it comes from a public origin. */
    public boolean proven(HttpServerRequest request) {
        if ("same-origin".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && publicOrigins.contains(normalize(origin));
    }

    /**
     * True when the browser says the request comes from elsewhere (an {@code Origin} that is not ours, or
     * {@code Sec-Fetch-Site} other than same-origin or a typed-in navigation); false when it says nothing.
     */
    public boolean refutedBy(HttpServerRequest request) {
        if (proven(request)) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return request.getHeader("Origin") != null || (site != null && !"none".equalsIgnoreCase(site));
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
