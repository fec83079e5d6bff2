package io.joystick.notification.push.service;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.auth.revocation.CredentialLifetime;
import io.joystick.notification.push.config.WebSocketConfig;
import io.joystick.notification.store.Viewer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** The WebSocket clients connected to this instance, and the push to those a notification is for. */
@ApplicationScoped
public class Connections {

    /** "Try again later": the client fell behind; it reconnects with ?since= to catch up. */
    static final CloseReason TOO_SLOW = new CloseReason(1013, "Too slow: reconnect with ?since= to catch up");
    /** The client must authenticate again (log in) before it reconnects. */
    static final CloseReason TOKEN_LAPSED =
            new CloseReason(1008, "Token revoked or expired: reconnect with a fresh one");
    private static final Logger LOG = Logger.getLogger(Connections.class);

    private final Map<String, Subscriber> open = new ConcurrentHashMap<>();
    private final int maxPending;

    public Connections(WebSocketConfig config, MeterRegistry metrics) {
        this.maxPending = config.maxPending();
        metrics.gaugeMapSize("joystick.notification.websocket.connections", List.of(), open);
    }

    public Subscriber add(WebSocketConnection connection, Viewer viewer, Principal credential) {
        Subscriber subscriber = new Subscriber(connection, viewer, credential, maxPending);
        open.put(connection.id(), subscriber);
        return subscriber;
    }

    public void remove(String connectionId) {
        open.remove(connectionId);
    }

    public boolean isOpen(String connectionId) {
        return open.containsKey(connectionId);
    }

    public int count() {
        return open.size();
    }

    /** How many connections this user (or service) has open here. */
    public long countFor(String viewerId) {
        return open.values().stream().filter(s -> s.viewer().id().equals(viewerId)).count();
    }

    /** Pushes to every local connection in the notification's audience; never waits for a client. */
    public int deliver(Outgoing outgoing) {
        int reached = 0;
        for (Subscriber subscriber : open.values()) {
            if (outgoing.reaches(subscriber.viewer())) {
                if (send(subscriber, outgoing.message())) {
                    reached++;
                }
            }
        }
        return reached;
    }

    /** Sends to one connection, dropping it when it cannot keep up. */
    public boolean send(Subscriber subscriber, String message) {
        if (subscriber.offer(message)) {
            return true;
        }
        if (drop(subscriber, TOO_SLOW)) {
            LOG.infof("Closed the WebSocket of %s: more than %d messages waiting to be written",
                    subscriber.viewer().id(), maxPending);
        }
        return false;
    }

    /** Closes every connection opened with a token that has been revoked (or has expired) since. */
    public void closeLapsed(CredentialLifetime credentials) {
        for (Subscriber subscriber : open.values()) {
            if (!subscriber.credentialHolds(credentials) && drop(subscriber, TOKEN_LAPSED)) {
                LOG.infof("Closed a WebSocket of %s: its token was revoked or has expired", subscriber.viewer().id());
            }
        }
    }

    /** Removed first, so nothing more is pushed to it while it closes. */
    private boolean drop(Subscriber subscriber, CloseReason reason) {
        if (open.remove(subscriber.id()) == null) {
            return false;
        }
        subscriber.connection().close(reason).subscribe().with(done -> {
        }, failed -> LOG.debugf("Closing a WebSocket failed: %s", failed.toString()));
        return true;
    }
}
