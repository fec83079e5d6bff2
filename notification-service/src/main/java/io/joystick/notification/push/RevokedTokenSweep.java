package io.joystick.notification.push;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.revocation.RevocationList;
import io.quarkus.scheduler.Scheduled;

/**
 * A connection is authenticated once, at the upgrade; this closes it as soon as the revocation list (kept
 * current by auth-lib's poller) says its token was revoked: logout, password or permission change, deletion.
 */
@ApplicationScoped
public class RevokedTokenSweep {

    private final Connections connections;
    private final RevocationList revocations;

    public RevokedTokenSweep(Connections connections, RevocationList revocations) {
        this.connections = connections;
        this.revocations = revocations;
    }

    @Scheduled(every = "${joystick.notification.websocket.revocation-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeRevoked() {
        connections.closeRevoked(revocations);
    }
}
