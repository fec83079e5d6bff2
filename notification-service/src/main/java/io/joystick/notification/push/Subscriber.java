package io.joystick.notification.push;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.joystick.auth.revocation.RevocationList;
import io.joystick.notification.store.Viewer;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open WebSocket and who is on it. Writes never wait: each is handed to the connection's event loop,
 * and a connection with too many writes still in flight is given up on.
 */
public final class Subscriber {

    private final WebSocketConnection connection;
    private final Viewer viewer;
    private final OpeningToken token;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    Subscriber(WebSocketConnection connection, Viewer viewer, OpeningToken token, int maxPending) {
        this.connection = connection;
        this.viewer = viewer;
        this.token = token;
        this.maxPending = maxPending;
    }

    public String id() {
        return connection.id();
    }

    public Viewer viewer() {
        return viewer;
    }

    /** API-key connections are never revoked. */
    boolean revokedIn(RevocationList revocations) {
        return token != null && token.revokedIn(revocations);
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
        connection.sendText(message).subscribe().with(done -> pending.decrementAndGet(), failed -> pending.decrementAndGet());
        return true;
    }
}
