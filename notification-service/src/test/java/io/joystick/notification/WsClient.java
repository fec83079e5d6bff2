package io.joystick.notification;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;

/** A real WebSocket client (the JDK's) that keeps every message it receives. */
public final class WsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final List<String> messages;
    private final CompletableFuture<Integer> closed;

    private WsClient(WebSocket socket, List<String> messages, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.messages = messages;
        this.closed = closed;
    }

    public static URI uri(String query) {
        return URI.create("ws://localhost:" + io.restassured.RestAssured.port + "/notifications"
                + (query == null ? "" : "?" + query));
    }

    public static WsClient withToken(String token) throws Exception {
        return connect(uri("token=" + token), null);
    }

    public static WsClient withToken(String token, String since) throws Exception {
        return connect(uri("token=" + token + "&since=" + since), null);
    }

    public static WsClient withApiKey(String key) throws Exception {
        return connect(uri(null), key);
    }

    /** As the browser console connects: no token in the URL, the session cookie, and the page's origin. */
    public static WsClient withSessionCookie(String token, String origin) throws Exception {
        return connectWithHeaders(uri(null), Map.of("Cookie", "joystick_session=" + token, "Origin", origin));
    }

    public static WsClient connect(URI uri, String apiKey) throws Exception {
        return connectWithHeaders(uri, apiKey == null ? Map.of() : Map.of("X-API-Key", apiKey));
    }

    public static WsClient connectWithHeaders(URI uri, Map<String, String> headers) throws Exception {
        List<String> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        }).get(10, TimeUnit.SECONDS);
        return new WsClient(socket, messages, closed);
    }

    /** The ids of the notifications received so far, in order. */
    public List<String> ids() {
        return messages.stream().map(JsonPath::from).filter(m -> "notification".equals(m.getString("type")))
                .map(m -> m.getString("payload.id")).toList();
    }

    public List<String> messages() {
        return messages;
    }

    public JsonPath awaitNotification(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ids().contains(id));
        return messages.stream().map(JsonPath::from).filter(m -> id.equals(m.getString("payload.id"))).findFirst()
                .orElseThrow();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The status the server closed with; -1 after an error, null while open. */
    public Integer closeStatus() {
        return closed.getNow(null);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
