package io.joystick.auth.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings every Joystick service understands (docs/architecture.md#8a-configuration). Property names map to the documented
 * environment variables, e.g. {@code joystick.api-key} ↔ {@code JOYSTICK_API_KEY}.
 */
@ConfigMapping(prefix = "joystick")
public interface JoystickConfig {

    /** The single service key, {@code JOYSTICK_API_KEY}. */
    Optional<String> apiKey();

    /** Comma-separated keys, optionally {@code name=key}, {@code JOYSTICK_API_KEYS}. */
    Optional<String> apiKeys();

    /** Lets the prod profile start with the well-known development key. */
    @WithDefault("false")
    boolean allowDefaultApiKey();

    /** Where auth-service lives: JWKS and revocations are fetched from here. */
    @WithDefault("http://localhost:8090")
    String authUrl();

    /** A JWKS (or PEM public key) file, for devices that verify tokens offline. */
    Optional<String> jwksFile();

    @WithDefault("./data")
    String dataDir();

    /** Base64 of 32 random bytes; required in prod, generated under the data directory otherwise. */
    Optional<String> secretKey();

    /**
     * Exact paths where an invalid token is treated as absent and the request goes on as anonymous, e.g. a
     * login route that clients call while still holding a stale token. Empty by default: everywhere else
     * an invalid credential is a 401.
     */
    Optional<Set<String>> anonymousOnInvalidTokenPaths();

    Jwt jwt();

    Http http();

    Revocation revocation();

    Websocket websocket();

    interface Jwt {
        @WithDefault("joystick-auth")
        String issuer();

        @WithDefault("joystick")
        String audience();

        /** Tokens whose {@code kid} is unknown trigger a JWKS refresh at most this often. */
        @WithDefault("10s")
        Duration unknownKidRefreshInterval();

        @WithDefault("10m")
        Duration jwksRefreshInterval();

        @WithDefault("5s")
        Duration jwksFetchTimeout();
    }

    interface Http {
        /**
         * Paths (and everything below them) whose responses carry tokens, so they are answered with
         * {@code Cache-Control: no-store}.
         */
        @WithDefault("/api/auth/login,/api/auth/refresh,/api/auth/session,"
                + "/api/collections/users/auth-with-password,/api/collections/users/auth-refresh")
        List<String> noStorePaths();

        /**
         * Where a {@code ?token=} query parameter is read as a credential: {@code anywhere}, or {@code streams}
         * only, i.e. WebSocket upgrades and Server-Sent Events requests, where a browser can send neither a
         * header nor (cross-origin) a cookie. Production's default is {@code streams}: a token in a URL ends up in
         * browser history and proxies' logs. Elsewhere a {@code ?token=} is then refused (401).
         */
        @WithDefault("anywhere")
        QueryToken queryToken();
    }

    enum QueryToken {
        ANYWHERE,
        STREAMS
    }

    interface Revocation {
        /** How often the revocation list is fetched from auth-service. */
        @WithDefault("15s")
        Duration pollInterval();

        @WithDefault("true")
        boolean pollEnabled();
    }

    interface Websocket {
        /**
         * Whether a token's expiry goes on its identity, so that websockets-next closes a socket opened with it at
         * that moment (1008). False where the service's sockets end their own sessions at the expiry.
         */
        @WithDefault("true")
        boolean closeAtTokenExpiry();
    }
}
