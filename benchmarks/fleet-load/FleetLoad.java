import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import io.joystick.telemetry.codec.TelemetryCodec.Encoding;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * Load for fleet-service: DEVICES simulated devices, each with its own broker account (issued by fleet-service)
 * and MQTT connection, publish gps, imu, battery and cpsi readings every second at QoS 1: the edge's JSON, encoded
 * with telemetry-codec as the edge does (deflated with the dictionary unless ENCODING=json).
 * Measures readings stored per second (fleet-service's fleet_readings_stored_total), the time from publishing a
 * reading until it arrives on SSE streams of SSE_DEVICES devices, MQTT bytes per reading, and fleet-service's RSS.
 * Also serves a stand-in device-service (every device exists, owner and allow-list "bench") on STUB_PORT.
 *
 * Run with fleet-service's own libraries (vertx-mqtt, telemetry-codec): java -cp 'fleet-service/target/quarkus-app/lib/main/*' FleetLoad.java
 * Arguments: fleetUrl apiKey stubPort devices warmupSeconds measureSeconds fleetPid sseDevices
 */
public class FleetLoad {

    static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] SENSORS = {"gps", "imu", "battery", "cpsi"};
    /** As the edge publishes (telemetry-service's telemetry.publish.encoding, default deflate): ENCODING=json|deflate. */
    static final Encoding ENCODING = Encoding.valueOf(System.getenv().getOrDefault("ENCODING", "deflate").toUpperCase());
    static final int SAMPLES = 1000;

    /** Held, so the level is not lost when the logger is collected: one INFO line per connection otherwise. */
    static final java.util.logging.Logger VERTX_LOG = java.util.logging.Logger.getLogger("io.vertx");
    static String fleet;
    static String apiKey;
    static final AtomicLong published = new AtomicLong();
    static final AtomicLong acknowledged = new AtomicLong();
    static final AtomicLong mqttBytes = new AtomicLong();
    static final AtomicBoolean measuring = new AtomicBoolean();
    static final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        VERTX_LOG.setLevel(java.util.logging.Level.WARNING);
        fleet = args[0];
        apiKey = args[1];
        int stubPort = Integer.parseInt(args[2]);
        int devices = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measure = Integer.parseInt(args[5]);
        long fleetPid = Long.parseLong(args[6]);
        int sseDevices = Integer.parseInt(args[7]);

        HttpServer stub = deviceServiceStub(stubPort);

        long t0 = System.nanoTime();
        List<String[]> accounts = provision(devices);
        System.out.printf("provisioned %d broker accounts in %.1f s%n", devices, seconds(t0));

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        t0 = System.nanoTime();
        List<MqttClient> clients = connect(vertx, accounts);
        System.out.printf("connected %d MQTT clients in %.1f s%n", clients.size(), seconds(t0));
        StringBuilder sizes = new StringBuilder();
        StringBuilder plainSizes = new StringBuilder();
        for (String sensor : SENSORS) {
            String topic = "joystick/devices/" + deviceId(0) + "/telemetry/" + sensor;
            long encodedTotal = 0;
            long plainTotal = 0;
            for (int i = 0; i < SAMPLES; i++) {
                byte[] json = payload(sensor, Instant.now().plusMillis(i * 7919L).truncatedTo(ChronoUnit.MILLIS))
                        .getBytes(StandardCharsets.UTF_8);
                encodedTotal += frameBytes(topic, ENCODING.encode(json).length);
                plainTotal += frameBytes(topic, json.length);
            }
            sizes.append(String.format(" %s %.1f", sensor, (double) encodedTotal / SAMPLES));
            plainSizes.append(String.format(" %s %.1f", sensor, (double) plainTotal / SAMPLES));
        }
        System.out.println("MQTT bytes (PUBLISH + PUBACK) per reading, device id " + deviceId(0) + ", mean of " + SAMPLES
                + " readings per sensor, as published (" + ENCODING.name().toLowerCase() + "):" + sizes
                + "; the same as plain JSON:" + plainSizes);

        ExecutorService sseThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sse");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < Math.min(sseDevices, devices); i++) {
            String device = deviceId(i * (devices / Math.min(sseDevices, devices)));
            sseThreads.submit(() -> readStream(device));
        }

        long storedAtStart = metric("fleet_readings_stored_total");
        List<Long> timers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            MqttClient client = clients.get(i);
            String device = deviceId(i);
            long offset = 1 + ThreadLocalRandom.current().nextLong(1000);
            vertx.setTimer(offset, first -> {
                synchronized (timers) {
                    timers.add(vertx.setPeriodic(1000, tick -> publishAll(client, device)));
                }
                publishAll(client, device);
            });
        }
        System.out.printf("publishing: %d devices x 4 sensors every second; warm-up %d s, then measuring %d s%n",
                devices, warmup, measure);
        Thread.sleep(warmup * 1000L);

        long publishedAtMeasure = published.get();
        long storedAtMeasure = metric("fleet_readings_stored_total");
        long bytesAtMeasure = mqttBytes.get();
        long cpuAtMeasure = cpuTicks(fleetPid);
        long measureStart = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measure * 1000L);
        measuring.set(false);
        double elapsed = seconds(measureStart);
        long storedAtEnd = metric("fleet_readings_stored_total");
        long publishedInWindow = published.get() - publishedAtMeasure;
        long bytesInWindow = mqttBytes.get() - bytesAtMeasure;
        long cpuInWindow = cpuTicks(fleetPid) - cpuAtMeasure;
        String rss = status(fleetPid, "VmRSS");
        String hwm = status(fleetPid, "VmHWM");

        synchronized (timers) {
            timers.forEach(vertx::cancelTimer);
        }
        long total = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            total = metric("fleet_readings_stored_total") - storedAtStart;
            if (acknowledged.get() == published.get() && total >= published.get()) {
                break;
            }
            Thread.sleep(500);
        }
        long dropped = metric("fleet_messages_dropped_total");
        String droppedBy = droppedByReason();

        List<Long> latencies = new ArrayList<>(latenciesMicros);
        Collections.sort(latencies);
        System.out.printf("readings published in the window: %d (%.0f/s)%n", publishedInWindow, publishedInWindow / elapsed);
        System.out.printf("readings stored per second: %.0f (%d in %.1f s)%n", (storedAtEnd - storedAtMeasure) / elapsed,
                storedAtEnd - storedAtMeasure, elapsed);
        System.out.printf("publish -> SSE delivery (%d events on %d streams): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencies.size(), Math.min(sseDevices, devices), percentile(latencies, 50), percentile(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1000.0);
        System.out.printf("MQTT bytes per reading, device -> broker and back (PUBLISH + PUBACK, no TCP/IP headers): %.1f%n",
                (double) bytesInWindow / Math.max(1, publishedInWindow));
        System.out.printf("fleet-service CPU in the window: %.2f cores (%.1f us per reading stored)%n",
                cpuInWindow / 100.0 / elapsed, cpuInWindow * 10_000.0 / Math.max(1, storedAtEnd - storedAtMeasure));
        System.out.printf("fleet-service RSS: %s at the end of the window (peak %s)%n", rss, hwm);
        System.out.printf("all published: %d, acknowledged by the broker: %d, stored: %d, dropped by fleet-service: %d -> %s%n",
                published.get(), acknowledged.get(), total, dropped,
                total == published.get() ? "nothing lost" : "LOST " + (published.get() - total));
        System.out.println("dropped by reason: " + droppedBy);

        for (MqttClient client : clients) {
            client.disconnect();
        }
        Thread.sleep(500);
        vertx.close();
        stub.stop(0);
        System.exit(0);
    }

    static String deviceId(int i) {
        return String.format("bench-%04d", i);
    }

    static void publishAll(MqttClient client, String device) {
        for (String sensor : SENSORS) {
            String topic = "joystick/devices/" + device + "/telemetry/" + sensor;
            byte[] payload = ENCODING.encode(payload(sensor, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .getBytes(StandardCharsets.UTF_8));
            client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false);
            published.incrementAndGet();
            mqttBytes.addAndGet(frameBytes(topic, payload.length));
        }
    }

    /** A QoS 1 PUBLISH frame (fixed header, topic, packet id, payload) and its 4-byte PUBACK. */
    static int frameBytes(String topic, int payloadLength) {
        int remaining = 2 + topic.length() + 2 + payloadLength;
        int header = 1 + (remaining < 128 ? 1 : remaining < 16384 ? 2 : 3);
        return header + remaining + 4;
    }

    /**
     * The edge's readings as telemetry-service publishes them (its REST JSON): each number rounded to the decimals
     * telemetry-service writes for that field, null fields left out, the cellular reading with the modem's raw line.
     */
    static String payload(String sensor, Instant at) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return switch (sensor) {
            case "gps" -> "{\"latitude\":" + num(52.5 + r.nextDouble() / 100, 7) + ",\"longitude\":" + num(13.4 + r.nextDouble() / 100, 7)
                    + ",\"altitude\":" + num(34 + r.nextDouble(), 1) + ",\"speed\":" + num(r.nextDouble() * 50, 2)
                    + ",\"course\":" + num(r.nextDouble() * 360, 1) + ",\"satellites\":9,\"hdop\":0.9,\"fix\":\"3d\",\"timestamp\":\""
                    + at + "\",\"source\":\"nmea\"}";
            case "imu" -> "{\"x\":" + num(r.nextDouble() / 10, 3) + ",\"y\":" + num(r.nextDouble() / 10, 3) + ",\"z\":"
                    + num(1 - r.nextDouble() / 10, 3) + ",\"gyro\":{\"x\":" + num(r.nextDouble(), 2) + ",\"y\":" + num(r.nextDouble(), 2)
                    + ",\"z\":" + num(r.nextDouble(), 2) + "},\"angle\":{\"roll\":" + num(r.nextDouble() * 5, 2) + ",\"pitch\":"
                    + num(r.nextDouble() * 5, 2) + ",\"yaw\":" + num(r.nextDouble() * 360, 2) + "},\"temperature\":31.5,\"timestamp\":\""
                    + at + "\",\"source\":\"witmotion\"}";
            case "battery" -> "{\"voltage\":" + num(12000 + r.nextDouble() * 200, 0) + ",\"current\":" + num(-100 - r.nextDouble() * 50, 0)
                    + ",\"power\":" + num(1400 + r.nextDouble() * 100, 0) + ",\"consumption\":" + num(r.nextDouble() * 100, 2)
                    + ",\"capacity\":80,\"status\":\"Discharging\",\"timestamp\":\"" + at + "\",\"source\":\"hwmon\"}";
            default -> {
                int pci = r.nextInt(504);
                double rsrp = -90 - r.nextInt(200) / 10.0;
                yield "{\"technology\":\"LTE\",\"status\":\"Online\",\"operator\":\"Telekom.de\",\"mccMnc\":\"262-01\","
                        + "\"areaCode\":\"0x1A2B\",\"cellId\":\"0x1C2D3E4F\",\"pci\":" + pci + ",\"band\":\"EUTRAN-BAND3\",\"arfcn\":1300,"
                        + "\"bandwidth\":20.0,\"rssi\":-65.0,\"rsrp\":" + rsrp + ",\"rsrq\":-10.0,\"sinr\":12.0,\"csq\":20,"
                        + "\"raw\":\"+CPSI: LTE,Online,262-01,0x1A2B,471674191," + pci + ",EUTRAN-BAND3,1300,5,5,-100,"
                        + Math.round(rsrp * 10) + ",-650,12\",\"timestamp\":\"" + at + "\",\"source\":\"modem\"}";
            }
        };
    }

    /** As telemetry-service writes a number with that many decimals. */
    static String num(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return String.valueOf(Math.round(value * scale) / scale);
    }

    static List<String[]> provision(int devices) throws Exception {
        List<CompletableFuture<String[]>> futures = new ArrayList<>();
        Semaphore inFlight = new Semaphore(8);
        for (int i = 0; i < devices; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(fleet + "/api/fleet/devices/" + deviceId(i) + "/credentials"))
                    .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build();
            futures.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> inFlight.release())
                    .thenApply(response -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("credentials: " + response.statusCode() + " " + response.body());
                        }
                        return new String[] {field(response.body(), "url"), field(response.body(), "username"),
                                field(response.body(), "password")};
                    }));
        }
        List<String[]> accounts = new ArrayList<>();
        for (CompletableFuture<String[]> future : futures) {
            accounts.add(future.get(60, TimeUnit.SECONDS));
        }
        return accounts;
    }

    static List<MqttClient> connect(Vertx vertx, List<String[]> accounts) throws Exception {
        List<MqttClient> clients = new ArrayList<>();
        Semaphore inFlight = new Semaphore(50);
        List<CompletableFuture<?>> connects = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            String[] account = accounts.get(i);
            URI url = URI.create(account[0]);
            MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId(deviceId(i))
                    .setUsername(account[1]).setPassword(account[2]).setCleanSession(true).setKeepAliveInterval(60)
                    .setMaxInflightQueue(100).setAutoKeepAlive(true));
            client.publishCompletionHandler(id -> acknowledged.incrementAndGet());
            inFlight.acquire();
            connects.add(client.connect(url.getPort(), url.getHost()).toCompletionStage().toCompletableFuture()
                    .whenComplete((ok, e) -> inFlight.release()));
            clients.add(client);
        }
        for (CompletableFuture<?> connect : connects) {
            connect.get(60, TimeUnit.SECONDS);
        }
        return clients;
    }

    static void readStream(String device) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(fleet + "/api/fleet/devices/" + device + "/stream"))
                    .header("X-API-Key", apiKey).header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                System.out.println("stream of " + device + ": " + response.statusCode());
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:") && measuring.get()) {
                    Matcher matcher = TIMESTAMP.matcher(line);
                    if (matcher.find()) {
                        Instant at = Instant.parse(matcher.group(1));
                        latenciesMicros.add(ChronoUnit.MICROS.between(at, Instant.now()));
                    }
                }
            }
        } catch (IOException e) {
            // the run is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static HttpServer deviceServiceStub(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            Matcher allow = Pattern.compile("/api/devices/([^/]+)/allow").matcher(path);
            Matcher device = Pattern.compile("/api/devices/([^/]+)").matcher(path);
            if (allow.matches()) {
                body = "{\"id\":\"" + allow.group(1) + "\",\"allow\":[\"bench\"]}";
            } else if (device.matches()) {
                body = "{\"id\":\"" + device.group(1) + "\",\"owner\":\"bench\",\"allow\":[\"bench\"]}";
            } else {
                body = "{\"success\":true}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return server;
    }

    static long metric(String name) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(fleet + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+]+)$").matcher(text);
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return Math.round(sum);
    }

    static String droppedByReason() throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(fleet + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder out = new StringBuilder();
        Matcher matcher = Pattern.compile("(?m)^fleet_messages_dropped_total\\{[^}]*reason=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$").matcher(text);
        while (matcher.find()) {
            out.append(matcher.group(1)).append('=').append(Math.round(Double.parseDouble(matcher.group(2)))).append(' ');
        }
        return out.toString().strip();
    }

    static long cpuTicks(long pid) throws IOException {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    static String status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format("%.1f MB", kb / 1024.0);
            }
        }
        return "?";
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
