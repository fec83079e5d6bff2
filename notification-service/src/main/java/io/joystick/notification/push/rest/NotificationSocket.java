package io.joystick.notification.push.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.joystick.auth.permission.Caller;
import io.joystick.notification.push.service.Connections;
import io.joystick.notification.push.service.Replay;
import io.joystick.notification.push.service.Subscriber;
import io.joystick.notification.store.Viewer;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code WS /notifications}: the upgrade itself is authenticated (API key, {@code ?token=}, a bearer header or
 * the browser's session cookie, which must come from a public origin), so an anonymous or invalid request never becomes a connection. Server to client only.
 */
@Authenticated
@WebSocket(path = "/notifications")
public class NotificationSocket {

    private final Connections connections;
    private final Replay replay;
    private final SecurityIdentity identity;

    public NotificationSocket(Connections connections, Replay replay, SecurityIdentity identity) {
        this.connections = connections;
        this.replay = replay;
        this.identity = identity;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        Subscriber subscriber =
                connections.add(connection, Viewer.of(Caller.require(identity)), identity.getPrincipal());
        // Registered before the replay, so nothing sent meanwhile is missed (it may arrive twice: ids tell).
        queryParam(connection.handshakeRequest().query(), "since").ifPresent(since -> replay.since(subscriber, since));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        connections.remove(connection.id());
    }

    static Optional<String> queryParam(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name) && eq >= 0) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
