package io.joystick.device.terminal.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.permission.Caller;
import io.joystick.device.terminal.service.TerminalClose;
import io.joystick.device.terminal.service.TerminalSession;
import io.joystick.device.terminal.service.TerminalSessions;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code WS /api/terminal/{device}[?session=<id>][&cols=&rows=]}: a shell on the device. The upgrade is
 * checked by {@link TerminalUpgradeCheck}. Messages are JSON: the browser sends
 * {@code {"type":"input","data":"…"}} and {@code {"type":"resize","cols":120,"rows":40}}; the server sends
 * {@code {"type":"session","id":"…","resumed":false}} first, then {@code {"type":"output","data":"…"}}.
 */
@WebSocket(path = "/api/terminal/{device}", endpointId = TerminalSocket.ENDPOINT_ID)
public class TerminalSocket {

    static final String ENDPOINT_ID = "device-terminal";
    private static final Logger LOG = Logger.getLogger(TerminalSocket.class);
    private static final int MAX_SIZE = 1000;

    private final TerminalSessions sessions;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public TerminalSocket(TerminalSessions sessions, SecurityIdentity identity, ObjectMapper json) {
        this.sessions = sessions;
        this.identity = identity;
        this.json = json;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        Caller caller = Caller.of(identity);
        String deviceId = connection.pathParam("device");
        String query = connection.handshakeRequest().query();
        String address = Optional.ofNullable(connection.userData().get(TerminalUpgradeCheck.CLIENT_ADDRESS))
                .orElse(connection.handshakeRequest().remoteAddress());
        try {
            Optional<String> resume = queryParam(query, "session");
            TerminalSession session;
            if (resume.isPresent()) {
                session = sessions.resume(caller, identity.getPrincipal(), deviceId, resume.get());
            } else {
                int columns = size(queryParam(query, "cols"), 80, "cols");
                int rows = size(queryParam(query, "rows"), 24, "rows");
                session = sessions.open(caller, identity.getPrincipal(), deviceId, address, columns, rows);
            }
            connection.userData().put(SESSION, session.id());
            WebSocketConnection previous = session.socket();
            session.attach(connection, address, resume.isPresent());
            if (previous != null && !previous.id().equals(connection.id()) && previous.isOpen()) {
                // one socket per session: the newest wins (a reload may beat the old socket's close)
                previous.close(TerminalClose.of(TerminalClose.ACCESS_LOST, "Terminal taken over by another connection"))
                        .subscribe().with(done -> {
                        }, failed -> {
                        });
            }
        } catch (TerminalSessions.Refused refused) {
            connection.close(refused.reason).subscribe().with(done -> {
            }, failed -> {
            });
        }
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        Optional<TerminalSession> session = current(connection);
        if (session.isEmpty()) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (Exception e) {
            error(connection, "Messages are JSON objects: {\"type\":\"input\",\"data\":\"…\"} or "
                    + "{\"type\":\"resize\",\"cols\":80,\"rows\":24}");
            return;
        }
        String type = message.path("type").asText("");
        switch (type) {
            case "input" -> {
                if (!message.path("data").isTextual()) {
                    error(connection, "input: data must be a string");
                } else if (!session.get().input(message.path("data").asText())) {
                    sessions.end(session.get(), TerminalClose.DEVICE_FAILED, "The device stopped reading input");
                }
            }
            case "resize" -> {
                JsonNode cols = message.path("cols");
                JsonNode rows = message.path("rows");
                if (!validSize(cols) || !validSize(rows)) {
                    error(connection, "resize: cols and rows must be integers from 1 to " + MAX_SIZE);
                } else {
                    session.get().resize(cols.asInt(), rows.asInt());
                }
            }
            default -> error(connection, "Unknown message type '" + clip(type) + "': expected input or resize");
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        current(connection).ifPresent(session -> session.detach(connection));
    }

    private static final io.quarkus.websockets.next.UserData.TypedKey<String> SESSION =
            io.quarkus.websockets.next.UserData.TypedKey.forString("terminal-session");

    private Optional<TerminalSession> current(WebSocketConnection connection) {
        String id = connection.userData().get(SESSION);
        return id == null ? Optional.empty()
                : sessions.find(id).filter(session -> session.shownOn(connection));
    }

    private void error(WebSocketConnection connection, String error) {
        connection.sendText(json.createObjectNode().put("type", "error").put("error", error).toString())
                .subscribe().with(done -> {
                }, failed -> LOG.debugf("Sending an error to a terminal socket failed: %s", failed.toString()));
    }

    private static boolean validSize(JsonNode value) {
        return value.isInt() && value.asInt() >= 1 && value.asInt() <= MAX_SIZE;
    }

    private static int size(Optional<String> value, int fallback, String name) {
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int size = Integer.parseInt(value.get());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new TerminalSessions.Refused(TerminalClose.BAD_REQUEST,
                name + " must be an integer from 1 to " + MAX_SIZE);
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) : value;
    }

    static Optional<String> queryParam(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
