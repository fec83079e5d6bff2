package io.joystick.notification.push.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.revocation.CredentialLifetime;
import io.quarkus.scheduler.Scheduled;

/**
 * A connection is authenticated once, at the upgrade; this closes it as soon as the revocation list (kept
 * current by auth-lib's poller) says its token was revoked: logout, password or permission change, deletion.
 */
@ApplicationScoped
public class RevokedTokenSweep {

    private final Connections connections;
    private final CredentialLifetime credentials;

    public RevokedTokenSweep(Connections connections, CredentialLifetime credentials) {
        this.connections = connections;
        this.credentials = credentials;
    }

    @Scheduled(every = "${joystick.notification.websocket.revocation-check:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeLapsed() {
        connections.closeLapsed(credentials);
    }
}
