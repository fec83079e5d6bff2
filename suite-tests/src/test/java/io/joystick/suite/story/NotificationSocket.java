package io.joystick.suite.story;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** A browser's WebSocket to notification-service ({@code /notifications?token=}), keeping every message. */
public final class NotificationSocket implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile boolean closed;

    public NotificationSocket(String baseUrl, String token) throws Exception {
        this(baseUrl, token, null);
    }

    /** With {@code since} (a notification id), what was sent after it is replayed first. */
    public NotificationSocket(String baseUrl, String token, String since) throws Exception {
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/notifications?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)));
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, this).get(10, TimeUnit.SECONDS);
    }

    /** The payloads of the notifications received so far. */
    public List<JsonNode> notifications() {
        return received.stream().filter(m -> "notification".equals(m.path("type").asText())).map(m -> m.path("payload"))
                .toList();
    }

    public boolean received(String title) {
        return notifications().stream().anyMatch(n -> title.equals(n.path("title").asText()));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(Http.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + partial, e);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    /** Whether the server closed the connection or it broke. */
    public boolean closed() {
        return closed || socket.isInputClosed();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
