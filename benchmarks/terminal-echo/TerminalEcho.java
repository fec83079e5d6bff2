import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keystroke-to-echo latency of device-service's web terminal (benchmarks/terminal-echo.sh).
 *
 * <pre>
 * TerminalEcho keys &lt;dir&gt;        writes dir/jwks.json (for JOYSTICK_JWKS_FILE) and dir/signing.key
 * TerminalEcho run &lt;baseUrl&gt; &lt;dir&gt; &lt;sshPort&gt; &lt;sshUser&gt; &lt;userKeyFile&gt; &lt;warmup&gt; &lt;keys&gt; &lt;floodSeconds&gt; &lt;floodFile&gt;
 * </pre>
 *
 * The measured terminal runs {@code stty -icanon; cat >/dev/null}: the device's PTY echoes every character
 * at once and nothing else is written, so each key's echo is exactly that key. One key at a time: the clock
 * starts just before the WebSocket text frame {@code {"type":"input","data":"k"}} is handed to the socket
 * and stops when the listener receives the output frame holding that very character at the expected position;
 * only then is the next key sent. Warm-up keys are sent the same way and not counted.
 */
public class TerminalEcho {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KID = "terminal-echo-bench";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("keys")) {
            writeKeys(Path.of(args[1]));
            return;
        }
        String base = args[1];
        Path dir = Path.of(args[2]);
        int sshPort = Integer.parseInt(args[3]);
        String sshUser = args[4];
        String userKey = Files.readString(Path.of(args[5]));
        int warmup = Integer.parseInt(args[6]);
        int keys = Integer.parseInt(args[7]);
        int floodSeconds = Integer.parseInt(args[8]);
        String floodFile = args[9];

        PrivateKey signing = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(dir.resolve("signing.key")))));
        String admin = token(signing, "bench-admin", List.of("admin"));
        String user = token(signing, "bench-user", List.of("terminal-route"));
        HttpClient http = HttpClient.newHttpClient();
        String model = post(http, base + "/api/models", admin, "{\"name\":\"bench-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        ObjectNode body = JSON.createObjectNode().put("name", "bench-" + UUID.randomUUID().toString().substring(0, 8))
                .put("model", model);
        body.putArray("allow").add("bench-user");
        body.putObject("information").put("host", "127.0.0.1").put("port", sshPort).put("user", sshUser).put("key", userKey);
        String device = post(http, base + "/api/devices", admin, body.toString());

        URI uri = URI.create(base.replace("http", "ws") + "/api/terminal/" + device + "?cols=200&rows=50");
        List<String> lines = new ArrayList<>();
        try (Terminal echo = Terminal.open(uri, user, false)) {
            echo.type("stty -icanon; echo ready-$((6*7)); cat >/dev/null\r");
            echo.awaitQuietAfter("ready-42"); // the prompt, the command's echo and its output have come and gone
            echo.skipReceived();
            measure(echo, warmup);
            long[] alone = measure(echo, keys);
            lines.add(row("alone", alone, null));

            for (String[] flood : new String[][] {
                    { "`yes` (short lines)", "yes\r" },
                    { "`cat` of a " + (Files.size(Path.of(floodFile)) >> 20) + " MiB file, repeated",
                            "while :; do cat " + floodFile + "; done\r" } }) {
                try (Terminal flooding = Terminal.open(uri, user, true)) {
                    flooding.type(flood[1]);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (flooding.received.get() < 4 * 1024 * 1024 && System.nanoTime() < deadline) {
                        Thread.sleep(100); // until the flood is flowing (the file is written first)
                    }
                    Thread.sleep(1000);
                    long before = flooding.received.get();
                    long started = System.nanoTime();
                    measure(echo, warmup / 5);
                    long[] beside = measure(echo, keys);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    // keep it flooding for floodSeconds in all, so its rate is not only a burst
                    while ((System.nanoTime() - started) / 1e9 < floodSeconds) {
                        Thread.sleep(100);
                    }
                    double rate = (flooding.received.get() - before) / 1048576.0 / ((System.nanoTime() - started) / 1e9);
                    lines.add(row("beside a terminal running " + flood[0], beside,
                            String.format(Locale.ROOT, "%.1f MiB/s (%.0f s)", rate, Math.max(seconds, floodSeconds))));
                    flooding.type("\u0003");
                    flooding.type("exit\r");
                    flooding.awaitClose();
                }
                Thread.sleep(2000);
            }
        }
        System.out.println("| case | keys | p50 ms | p90 ms | p99 ms | max ms | flooding terminal received |");
        System.out.println("|---|---|---|---|---|---|---|");
        lines.forEach(System.out::println);
    }

    /** Sends one key at a time and waits for its own echo. */
    static long[] measure(Terminal terminal, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            char key = (char) ('a' + (i % 26));
            long start = System.nanoTime();
            terminal.type(String.valueOf(key));
            terminal.awaitEcho(key);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    static String row(String name, long[] nanos, String flood) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "| " + name + " | " + sorted.length + " | " + ms(percentile(sorted, 50)) + " | " + ms(percentile(sorted, 90))
                + " | " + ms(percentile(sorted, 99)) + " | " + ms(sorted[sorted.length - 1]) + " | "
                + (flood == null ? "–" : flood) + " |";
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** One terminal; a flooding one only counts what it receives. */
    static final class Terminal implements AutoCloseable {
        final WebSocket socket;
        final AtomicLong received = new AtomicLong();
        private final StringBuilder output = new StringBuilder();
        private int position;

        private Terminal(boolean counting, String token, URI uri) throws Exception {
            // each terminal its own client and threads, as two browser tabs have their own connections
            HttpClient client = HttpClient.newBuilder().executor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, counting ? "flood-client" : "echo-client");
                thread.setDaemon(true);
                return thread;
            })).build();
            CompletableFuture<Void> session = new CompletableFuture<>();
            this.socket = client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            if (counting) {
                                received.addAndGet(data.length());
                                if (!session.isDone()) {
                                    session.complete(null);
                                }
                            } else {
                                partial.append(data);
                                if (last) {
                                    message(partial.toString(), session);
                                    partial.setLength(0);
                                }
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
                            session.completeExceptionally(new IllegalStateException("closed: " + code + " " + reason));
                            synchronized (Terminal.this) {
                                closedReason = code + " " + reason;
                                Terminal.this.notifyAll();
                            }
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            session.get(30, TimeUnit.SECONDS);
        }

        private String closedReason;

        static Terminal open(URI uri, String token, boolean counting) throws Exception {
            return new Terminal(counting, token, uri);
        }

        private void message(String text, CompletableFuture<Void> session) {
            try {
                JsonNode message = JSON.readTree(text);
                if ("output".equals(message.path("type").asText())) {
                    synchronized (this) {
                        output.append(message.path("data").asText());
                        notifyAll();
                    }
                } else if ("session".equals(message.path("type").asText())) {
                    session.complete(null);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void type(String keys) {
            socket.sendText(JSON.createObjectNode().put("type", "input").put("data", keys).toString(), true).join();
        }

        /** Waits until the output holds the marker and then nothing more arrives for half a second. */
        synchronized void awaitQuietAfter(String marker) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (output.indexOf(marker) < 0 && System.nanoTime() < deadline) {
                wait(100);
            }
            int length;
            do {
                length = output.length();
                wait(500);
            } while (output.length() != length);
            if (output.indexOf(marker) < 0) {
                throw new IllegalStateException("the terminal did not get ready: " + output);
            }
        }

        synchronized void awaitClose() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (closedReason == null && System.nanoTime() < deadline) {
                wait(100);
            }
        }

        synchronized void skipReceived() {
            position = output.length();
        }

        /** Waits for the next output character, which must be this key's echo. */
        synchronized void awaitEcho(char key) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (output.length() <= position) {
                long left = deadline - System.nanoTime();
                if (closedReason != null || left <= 0) {
                    throw new IllegalStateException("no echo of '" + key + "' within 10 s" + (closedReason == null ? "" : "; closed: " + closedReason));
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            char echoed = output.charAt(position++);
            if (echoed != key) {
                throw new IllegalStateException("expected the echo of '" + key + "', got '" + echoed + "' ("
                        + output.substring(Math.max(0, position - 20), Math.min(output.length(), position + 20)) + ")");
            }
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    static String post(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    static String token(PrivateKey key, String subject, List<String> groups) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("joystick-auth");
        claims.setAudience("joystick");
        claims.setSubject(subject);
        claims.setClaim("upn", subject + "@example.com");
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(KID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    static void writeKeys(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        jwk.setKeyId(KID);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        JsonWebKeySet set = new JsonWebKeySet(jwk);
        Files.writeString(dir.resolve("jwks.json"), set.toJson());
        Files.writeString(dir.resolve("signing.key"), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                StandardCharsets.UTF_8);
    }
}
