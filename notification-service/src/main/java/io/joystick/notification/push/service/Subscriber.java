package io.joystick.notification.push.service;

import java.security.Principal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.joystick.auth.revocation.CredentialLifetime;
import io.joystick.notification.store.Viewer;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open WebSocket and who is on it. Writes never wait: each is handed to the connection's event loop,
 * and a connection with too many writes still in flight is given up on.
 */
public final class Subscriber {

    private final WebSocketConnection connection;
    private final Viewer viewer;
    private final Principal credential;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    Subscriber(WebSocketConnection connection, Viewer viewer, Principal credential, int maxPending) {
        this.connection = connection;
        this.viewer = viewer;
        this.credential = credential;
        this.maxPending = maxPending;
    }

    public String id() {
        return connection.id();
    }

    public Viewer viewer() {
        return viewer;
    }

    /** The token it was opened with is still valid (an API key always is). */
    boolean credentialHolds(CredentialLifetime credentials) {
        return credentials.holds(credential);
    }

    WebSocketConnection connection() {
        return connection;
    }

    /** @return false when the client is too far behind to take it (the caller then drops the connection) */
    public boolean offer(String message) {
        if (overflowed.get()) {
            return false;
        }
        if (pending.incrementAndGet() > maxPending) {
            overflowed.set(true);
            return false;
        }
        connection.sendText(message).subscribe().with(done -> pending.decrementAndGet(),
                failed -> pending.decrementAndGet());
        return true;
    }
}
