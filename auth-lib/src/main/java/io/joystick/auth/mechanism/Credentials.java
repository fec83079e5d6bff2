package io.joystick.auth.mechanism;

import io.joystick.auth.config.JoystickConfig.QueryToken;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Finds the credential a request presents, in the order of docs/architecture.md#2-auth-lib. */
public final class Credentials {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String TOKEN_QUERY_PARAM = "token";
    /** The browser console's session: the same JWT, in an HttpOnly cookie that auth-service sets. */
    public static final String SESSION_COOKIE = "joystick_session";

    private Credentials() {
    }

    public sealed interface Presented permits ApiKey, Token, SessionCookie, Malformed {
    }

    public record ApiKey(String key) implements Presented {
    }

    public record Token(String jwt) implements Presented {
    }

    /** A JWT from the session cookie: like {@link Token}, but the browser sends it on its own. */
    public record SessionCookie(String jwt) implements Presented {
    }

    /** Something was presented but it cannot be a credential of ours (e.g. {@code Authorization: Basic …}). */
    public record Malformed() implements Presented {
    }

    /** Like {@link #from(HttpServerRequest, QueryToken)}, reading {@code ?token=} on every request. */
    public static Presented from(HttpServerRequest request) {
        return from(request, QueryToken.ANYWHERE);
    }

    /**
     * @param queryToken where {@code ?token=} counts: with {@link QueryToken#STREAMS}, a query token on any other
     *            request is {@link Malformed} (refused), never silently ignored
     * @return the credential, or {@code null} when the request is anonymous
     */
    public static Presented from(HttpServerRequest request, QueryToken queryToken) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null) {
            return new ApiKey(apiKey.trim());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return fromAuthorization(authorization.trim());
        }
        Cookie session = request.getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            return new SessionCookie(session.getValue().trim());
        }
        String token = request.getParam(TOKEN_QUERY_PARAM);
        if (token != null) {
            if (token.isBlank() || queryToken == QueryToken.STREAMS && !isStream(request)) {
                return new Malformed();
            }
            return new Token(token.trim());
        }
        return null;
    }

    /** A WebSocket upgrade or a Server-Sent Events request: the browser cannot set a header on either. */
    static boolean isStream(HttpServerRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "websocket".equalsIgnoreCase(upgrade) || accept != null && accept.contains("text/event-stream");
    }

    static Presented fromAuthorization(String value) {
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String jwt = value.substring(7).trim();
            return jwt.isEmpty() ? new Malformed() : new Token(jwt);
        }
        // The PocketBase SDK sends the bare token, without a scheme.
        if (value.indexOf(' ') < 0 && value.chars().filter(c -> c == '.').count() == 2) {
            return new Token(value);
        }
        return new Malformed();
    }
}
