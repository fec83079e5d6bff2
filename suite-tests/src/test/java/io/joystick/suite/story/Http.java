package io.joystick.suite.story;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A small JSON-over-HTTP client with the suite's credentials: a token or the API key. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, JsonNode body, String text) {
        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String header;
    private final String value;
    private final Duration timeout;

    private Http(String header, String value, Duration timeout) {
        this.header = header;
        this.value = value;
        this.timeout = timeout;
    }

    /** The same credentials with another limit for a whole request (30 s unless set). */
    public Http timeout(Duration limit) {
        return new Http(header, value, limit);
    }

    public static Http bearer(String token) {
        return new Http("Authorization", "Bearer " + token, TIMEOUT);
    }

    public static Http apiKey(String key) {
        return new Http("X-API-Key", key, TIMEOUT);
    }

    public static Http anonymous() {
        return new Http(null, null, TIMEOUT);
    }

    public Response get(String url) {
        return send("GET", url, null);
    }

    public Response post(String url, Object body) {
        return send("POST", url, body);
    }

    public Response put(String url, Object body) {
        return send("PUT", url, body);
    }

    public Response send(String method, String url, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json");
            if (header != null) {
                request.header(header, value);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
            return new Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
