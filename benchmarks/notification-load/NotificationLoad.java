import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for notification-service (JDK only; run with {@code java NotificationLoad.java}).
 * 1. Fan-out: CLIENTS WebSockets connected; SENDS broadcasts one after another; for each, the time from
 *    just before the POST until the last client has it (p50/p99 over the sends), and every single delivery.
 * 2. Throughput: THROUGHPUT_CLIENTS WebSockets; SENDERS threads POST broadcasts for SECONDS; sends/s
 *    accepted, and whether every client got every one.
 * Arguments: baseUrl apiKey [clients=1000] [sends=200] [throughputClients=100] [seconds=10] [senders=4] [serverPid] [warmUps=100]
 * (with the server's pid, also its CPU time per send, read from /proc).
 */
public class NotificationLoad {

    private static final Map<String, Tracker> TRACKED = new ConcurrentHashMap<>();
    private static final AtomicLong RECEIVED = new AtomicLong();

    record Tracker(long sentNanos, CountDownLatch all, AtomicLong last, long[] latencies, AtomicInteger n) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int sends = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int throughputClients = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        int senders = args.length > 6 ? Integer.parseInt(args[6]) : 4;
        String serverPid = args.length > 7 ? args[7] : null;
        int warmUps = args.length > 8 ? Integer.parseInt(args[8]) : 100;
        URI ws = URI.create(base.replaceFirst("^http", "ws") + "/notifications");
        URI send = URI.create(base + "/api/notifications/send");

        // Several clients (each has one selector thread) so the receiving side is not the bottleneck.
        HttpClient[] pool = new HttpClient[4];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        HttpClient poster = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<WebSocket> sockets = connect(pool, ws, key, clients);
        System.out.printf("connected %d WebSocket clients%n", sockets.size());

        // Warm-up: the first sends include JIT compilation on both sides (100 sends = 100,000 writes, enough for C2
        // to have compiled the write path; with 10, the measured sends still paid for compilation).
        for (int i = 0; i < warmUps; i++) {
            fanOut(poster, send, key, clients, "warm-up " + i);
        }
        List<Long> completeTimes = new ArrayList<>();
        long cpuBefore = cpuMillis(serverPid);
        long kernelBefore = kernelMillis(serverPid);
        List<Long> deliveries = new ArrayList<>();
        int incomplete = 0;
        for (int i = 0; i < sends; i++) {
            Tracker t = fanOut(poster, send, key, clients, "fan-out " + i);
            if (t == null) {
                incomplete++;
                continue;
            }
            completeTimes.add(t.last().get() - t.sentNanos());
            for (long l : t.latencies()) {
                deliveries.add(l);
            }
            Thread.sleep(50);
        }
        long fanOutCpu = cpuMillis(serverPid) - cpuBefore;
        long fanOutKernel = kernelMillis(serverPid) - kernelBefore;
        long[] allTimes = completeTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] each = deliveries.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("fan-out to %d clients, %d sends (%d incomplete): until every client had it p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                + " single deliveries p50 %.1f ms, p99 %.1f ms%n", clients, sends, incomplete, ms(pct(allTimes, 50)), ms(pct(allTimes, 99)),
                ms(allTimes.length == 0 ? 0 : allTimes[allTimes.length - 1]), ms(pct(each, 50)), ms(pct(each, 99)));
        if (serverPid != null) {
            System.out.printf("  server CPU %.1f ms per send to %d clients, %.1f ms of it in the kernel (whole phase, pauses included)%n",
                    fanOutCpu / (double) sends, clients, fanOutKernel / (double) sends);
        }

        for (int i = throughputClients; i < sockets.size(); i++) {
            sockets.get(i).abort();
        }
        Thread.sleep(2000);
        RECEIVED.set(0);
        AtomicLong accepted = new AtomicLong();
        long throughputCpuBefore = cpuMillis(serverPid);
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> r = post(poster, send, key, "throughput " + n++);
                        (r.statusCode() == 200 ? accepted : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long throughputCpu = cpuMillis(serverPid) - throughputCpuBefore;
        long expected = accepted.get() * throughputClients;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (RECEIVED.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("throughput with %d clients, %d senders, %d s: %.1f sends/s accepted (%d failed), %d of %d deliveries received%n",
                throughputClients, senders, seconds, accepted.get() / (double) seconds, failed.get(), RECEIVED.get(), expected);
        if (serverPid != null && accepted.get() > 0) {
            System.out.printf("  server CPU %.2f ms per send (%.0f%% of one core); CPU-bound ceiling on 2 cores %.0f sends/s%n",
                    throughputCpu / (double) accepted.get(), throughputCpu / (seconds * 10.0), 2000.0 * accepted.get() / throughputCpu);
        }
        for (WebSocket socket : sockets.subList(0, Math.min(throughputClients, sockets.size()))) {
            socket.abort();
        }
        System.exit(0);
    }

    private static Tracker fanOut(HttpClient poster, URI send, String key, int clients, String title) throws Exception {
        String marker = "bench-" + System.nanoTime();
        Tracker t = new Tracker(System.nanoTime(), new CountDownLatch(clients), new AtomicLong(), new long[clients],
                new AtomicInteger());
        TRACKED.put(marker, t);
        HttpResponse<String> r = post(poster, send, key, title, marker);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("send failed: " + r.statusCode() + " " + r.body());
        }
        boolean complete = t.all().await(10, TimeUnit.SECONDS);
        TRACKED.remove(marker);
        return complete ? t : null;
    }

    private static HttpResponse<String> post(HttpClient poster, URI send, String key, String title, String... marker) throws Exception {
        String body = "{\"type\":\"info\",\"title\":\"" + title + "\",\"message\":\"" + (marker.length > 0 ? marker[0] : "load") + "\"}";
        return poster.send(HttpRequest.newBuilder(send).header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<WebSocket> connect(HttpClient[] pool, URI ws, String key, int count) throws Exception {
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(pool[i % pool.length].newWebSocketBuilder().header("X-API-Key", key).buildAsync(ws, new Listener()));
            if (pending.size() == 50) {
                for (CompletableFuture<WebSocket> f : pending) {
                    sockets.add(f.get(30, TimeUnit.SECONDS));
                }
                pending.clear();
            }
        }
        for (CompletableFuture<WebSocket> f : pending) {
            sockets.add(f.get(30, TimeUnit.SECONDS));
        }
        return sockets;
    }

    static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                String message = partial.toString();
                partial.setLength(0);
                RECEIVED.incrementAndGet();
                int at = message.indexOf("\"message\":\"bench-");
                if (at >= 0) {
                    String marker = message.substring(at + 11, message.indexOf('"', at + 11));
                    Tracker t = TRACKED.get(marker);
                    if (t != null) {
                        int slot = t.n().getAndIncrement();
                        if (slot < t.latencies().length) {
                            t.latencies()[slot] = now - t.sentNanos();
                        }
                        t.last().accumulateAndGet(now, Math::max);
                        t.all().countDown();
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }

    /** user+sys CPU time of a process, from /proc (clock ticks of 10 ms); 0 without a pid. */
    private static long cpuMillis(String pid) throws Exception {
        return pid == null ? 0 : ticks(pid, 11) * 10 + ticks(pid, 12) * 10;
    }

    /** The part of {@link #cpuMillis} spent in the kernel (socket writes on loopback include the receiving side's TCP work). */
    private static long kernelMillis(String pid) throws Exception {
        return pid == null ? 0 : ticks(pid, 12) * 10;
    }

    /** Field {@code index} of /proc/<pid>/stat, counted after the command name. */
    private static long ticks(String pid, int index) throws Exception {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
