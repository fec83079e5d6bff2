package io.joystick.auth.server.login.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "joystick.auth")
public interface LoginConfig {

    Login login();

    /** Limits on failed logins inside a sliding window (docs/architecture.md#3-auth-service, brute force). */
    interface Login {
        @WithDefault("15m")
        Duration window();

        /** Failures for one identity from one address: what stops an attacker without locking out the owner. */
        @WithDefault("5")
        int maxFailuresPerIdentityAndAddress();

        /** Failures from one address over all identities (password spraying). */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** Failures for one identity over all addresses (distributed guessing); well above the per-address limits. */
        @WithDefault("50")
        int maxFailuresPerIdentity();
    }

    DeviceCookie deviceCookie();

    /** The cookie that lets a client that has logged in as a user before past that user's identity-wide limit. */
    interface DeviceCookie {
        @WithDefault("30d")
        Duration lifetime();

        /** Sent over HTTPS only; off in dev and test, which run on plain HTTP. */
        @WithDefault("true")
        boolean secure();
    }
}
