package io.joystick.auth.server.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The browser console's session cookie. */
@ConfigMapping(prefix = "joystick.auth.session")
public interface SessionConfig {

    /**
     * Mark the cookie {@code Secure} even on a plain-HTTP request (the prod profile sets it: production is
     * HTTPS at the proxy). Without it the cookie is {@code Secure} whenever the request came over HTTPS.
     */
    @WithDefault("false")
    boolean alwaysSecure();
}
