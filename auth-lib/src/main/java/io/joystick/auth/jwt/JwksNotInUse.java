package io.joystick.auth.jwt;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Skips the periodic JWKS download where another {@link VerificationKeys} is in use: auth-service verifies with
 * its own keys and must not fetch its own JWKS over HTTP (at start it is not listening yet, so it would warn).
 */
@Singleton
public class JwksNotInUse implements Scheduled.SkipPredicate {

    private final boolean inUse;

    public JwksNotInUse(Instance<VerificationKeys> keys) {
        this.inUse = keys.getHandle().getBean().getBeanClass() == JwksVerificationKeys.class;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !inUse;
    }
}
