package io.joystick.auth.server.session.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.mechanism.Credentials;
import io.joystick.auth.server.session.config.SessionConfig;
import io.joystick.auth.server.token.config.TokenConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;

/**
 * The {@code Set-Cookie} values of the browser session: the signed token in an HttpOnly, SameSite=Strict
 * cookie for the whole site, living exactly as long as the token.
 */
@ApplicationScoped
public class SessionCookies {

    private final SessionConfig config;
    private final long lifetimeSeconds;

    public SessionCookies(SessionConfig config, TokenConfig tokens) {
        this.config = config;
        this.lifetimeSeconds = tokens.tokenLifetime().toSeconds();
    }

    public String holding(String token, HttpServerRequest request) {
        return cookie(token, lifetimeSeconds, request);
    }

    /** Makes the browser drop the cookie at once. */
    public String cleared(HttpServerRequest request) {
        return cookie("", 0, request);
    }

    private String cookie(String value, long maxAgeSeconds, HttpServerRequest request) {
        return Cookie.cookie(Credentials.SESSION_COOKIE, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(secure(request))
                .setMaxAge(maxAgeSeconds)
                .encode();
    }

    /**
     * The proxy's {@code X-Forwarded-Proto} is read directly (not only when Quarkus trusts the proxy): it can
     * only add {@code Secure}, which makes the cookie stricter, never weaker.
     */
    private boolean secure(HttpServerRequest request) {
        if (config.alwaysSecure() || request.isSSL() || "https".equalsIgnoreCase(request.scheme())) {
            return true;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return forwarded != null && forwarded.split(",")[0].trim().equalsIgnoreCase("https");
    }
}
