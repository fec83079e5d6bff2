package io.joystick.auth.testapp;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reads the first events of a Server-Sent Events stream, with a bounded wait (the services' SSE tests). */
public final class SseClient {

    public record Event(String name, String data) {
    }

    public record Opened(int status, List<Event> events) {
    }

    private SseClient() {
    }

    /** The first {@code count} events, within 15 s. */
    public static Opened read(URI uri, int count) throws Exception {
        return read(uri, null, count, Duration.ofSeconds(15));
    }

    /**
     * The events up to and including the {@code count}th one named {@code name} (any name when null), within
     * {@code limit}.
     */
    public static Opened read(URI uri, String name, int count, Duration limit) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Opened(response.statusCode(), List.of());
            }
            CompletableFuture<List<Event>> events = CompletableFuture.supplyAsync(() -> parse(body, name, count));
            return new Opened(200, events.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private static List<Event> parse(InputStream body, String wanted, int count) {
        List<Event> events = new ArrayList<>();
        int matching = 0;
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (matching < count && (line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(name, data.toString()));
                    matching += wanted == null || wanted.equals(name) ? 1 : 0;
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
