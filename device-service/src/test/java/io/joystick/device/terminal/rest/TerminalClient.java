package io.joystick.device.terminal.rest;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** A real WebSocket client (the JDK's) speaking the terminal's JSON messages. */
final class TerminalClient implements AutoCloseable {

    static final Duration SOON = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Set before a connect: that client reads its first message and then nothing more, like a stuck browser. */
    static volatile boolean stalled;
    /**
     * Set before a connect: that client keeps only its first message, counts the size of the others and keeps
     * the end of the latest ones (for {@link #awaitTail}), so a flood of output costs it little.
     */
    static volatile boolean counting;

    private final WebSocket socket;
    private final List<JsonPath> messages;
    private final CompletableFuture<String> closed;
    private final Counted counted;

    /** What a counting client received after its first message. */
    private static final class Counted {
        final java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();
        volatile String tail = "";
    }

    private TerminalClient(WebSocket socket, List<JsonPath> messages, CompletableFuture<String> closed,
            Counted counted) {
        this.socket = socket;
        this.messages = messages;
        this.closed = closed;
        this.counted = counted;
    }

    static URI uri(String device, String query) {
        return URI.create(
                "ws://localhost:" + RestAssured.port + "/api/terminal/" + device + (query == null ? "" : "?" + query));
    }

    static TerminalClient open(String device, String token) throws Exception {
        return connect(uri(device, "token=" + token));
    }

    static TerminalClient resume(String device, String token, String session) throws Exception {
        return connect(uri(device, "token=" + token + "&session=" + session));
    }

    /** The HTTP status the upgrade was refused with. */
    static int refusal(URI uri) throws Exception {
        try {
            connect(uri).close();
            throw new AssertionError("the upgrade of " + uri.getPath() + " was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    static TerminalClient connect(URI uri) throws Exception {
        List<JsonPath> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        Counted counted = counting ? new Counted() : null;
        WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last && counted != null && !messages.isEmpty()) {
                            counted.chars.addAndGet(partial.length());
                            String both = counted.tail + partial;
                            counted.tail = both.substring(Math.max(0, both.length() - 200));
                            partial.setLength(0);
                        } else if (last) {
                            messages.add(JsonPath.from(partial.toString()));
                            partial.setLength(0);
                        }
                        if (!stalled) {
                            webSocket.request(1);
                        }
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete("-1 " + error);
                    }
                }).get(30, TimeUnit.SECONDS);
        return new TerminalClient(socket, messages, closed, counted);
    }

    /** The session id of the first message. */
    String sessionId() {
        return session().getString("id");
    }

    JsonPath session() {
        await().atMost(SOON).until(() -> !messages.isEmpty() || closed.isDone());
        JsonPath first = messages.isEmpty() ? null : messages.get(0);
        if (first == null || !"session".equals(first.getString("type"))) {
            throw new AssertionError("no session message; closed: " + closed.getNow(null));
        }
        return first;
    }

    void type(String keys) {
        send("{\"type\":\"input\",\"data\":" + quote(keys) + "}");
    }

    void resize(int cols, int rows) {
        send("{\"type\":\"resize\",\"cols\":" + cols + ",\"rows\":" + rows + "}");
    }

    void send(String message) {
        socket.sendText(message, true).join();
    }

    String output() {
        StringBuilder all = new StringBuilder();
        messages.stream().filter(m -> "output".equals(m.getString("type")))
                .forEach(m -> all.append(m.getString("data")));
        return all.toString();
    }

    List<JsonPath> messages() {
        return messages;
    }

    void awaitOutput(String text) {
        await().atMost(SOON).until(() -> output().contains(text) || closed.isDone());
        if (!output().contains(text)) {
            throw new AssertionError("closed before '" + text + "' arrived: " + closed.getNow(null) + "\n" + output());
        }
    }

    /** A counting client: the characters of the messages after the first (JSON included). */
    long countedChars() {
        return counted.chars.get();
    }

    /** A counting client: waits until the end of what it received contains the text. */
    void awaitTail(String text, Duration atMost) {
        await().atMost(atMost).until(() -> counted.tail.contains(text) || closed.isDone());
        if (!counted.tail.contains(text)) {
            throw new AssertionError("closed before '" + text + "' arrived: " + closed.getNow(null));
        }
    }

    /** "code reason" once the server closed the socket. */
    String awaitClose() {
        await().atMost(SOON).until(closed::isDone);
        return closed.getNow(null);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the connection without a close handshake, as a browser that lost the network does. */
    @Override
    public void close() {
        socket.abort();
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
