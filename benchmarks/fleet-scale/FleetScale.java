import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.BaseBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The load program of benchmarks/fleet-scale.sh: a fleet of simulated SSH devices on loopback, the devices
 * registered in device-service with autoSlotSwitch on, switcher-client's health runs observed at each fleet size,
 * and 50 users running an action over the fleet meanwhile.
 *
 * <pre>
 * FleetScale keys &lt;dir&gt;     writes dir/jwks.json (for JOYSTICK_JWKS_FILE) and dir/signing.key
 * FleetScale run               everything else; settings as system properties (see the script)
 * </pre>
 *
 * Devices: one MINA SshServer whose acceptor listens on one loopback port per device (one NIO2 thread group for
 * the whole fleet, as N real devices would not share a JVM anyway). Every command answers like a device after a
 * random delay: {@code slot-check} prints {@code true} after 50–300 ms, the users' action after 50–500 ms; "slow"
 * devices answer only after the run's timeout; "dead" devices have no listener (connection refused). The
 * secondary slot (127.0.0.2, same port) has no listener either: a failing device is never switched.
 */
public class FleetScale {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KID = "fleet-scale-bench";

    // settings
    static String device;          // device-service base URL
    static String switcher;        // switcher-client base URL
    static String apiKey;
    static Path dir;
    static long devicePid;
    static long switcherPid;
    static int[] steps;
    static int users;
    static int thinkMs;
    static int measuredRuns;
    static int deadEvery;
    static int slowEvery;
    static int slowAnswerMs;
    static Path accessLog;
    static String deviceKex;

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    static final ScheduledExecutorService ANSWERS = Executors.newScheduledThreadPool(4);

    public static void main(String[] args) throws Exception {
        if (args[0].equals("keys")) {
            writeKeys(Path.of(args[1]));
            return;
        }
        device = System.getProperty("device");
        switcher = System.getProperty("switcher");
        apiKey = System.getProperty("apiKey");
        dir = Path.of(System.getProperty("dir"));
        devicePid = Long.parseLong(System.getProperty("devicePid"));
        switcherPid = Long.parseLong(System.getProperty("switcherPid"));
        steps = Arrays.stream(System.getProperty("steps").trim().split("[ ,]+")).mapToInt(Integer::parseInt).toArray();
        users = Integer.getInteger("users", 50);
        thinkMs = Integer.getInteger("thinkMs", 1000);
        measuredRuns = Integer.getInteger("measuredRuns", 2);
        deadEvery = Integer.getInteger("deadEvery", 100);
        slowEvery = Integer.getInteger("slowEvery", 100);
        slowAnswerMs = Integer.getInteger("slowAnswerMs", 15000);
        accessLog = Path.of(System.getProperty("accessLog"));
        deviceKex = System.getProperty("deviceKex", "default");
        new FleetScale().run();
        System.exit(0);
    }

    // ---------------------------------------------------------------- the simulated devices

    enum Kind { HEALTHY, SLOW, DEAD }

    static Kind kindOf(int index) {
        if (deadEvery > 0 && index % deadEvery == deadEvery / 3) {
            return Kind.DEAD;
        }
        if (slowEvery > 0 && index % slowEvery == (2 * slowEvery) / 3) {
            return Kind.SLOW;
        }
        return Kind.HEALTHY;
    }

    /** An SshServer whose acceptor can listen on more addresses after it started. */
    static final class Fleet extends SshServer {
        void listen(SocketAddress address) throws IOException {
            acceptor.bind(address);
        }

        Set<SocketAddress> bound() {
            return acceptor.getBoundAddresses();
        }
    }

    final Fleet fleet = (Fleet) ServerBuilder.builder().factory(Fleet::new).build();
    final int[] ports = new int[Arrays.stream(steps).max().orElse(0)];
    final ConcurrentHashMap<Integer, Kind> kindByPort = new ConcurrentHashMap<>();
    final AtomicInteger commands = new AtomicInteger();
    final AtomicInteger slotChecks = new AtomicInteger();

    void startFleet() throws IOException {
        fleet.setHost("127.0.0.1");
        fleet.setPort(0);
        fleet.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        fleet.setPasswordAuthenticator((user, password, session) -> "bench".equals(password));
        fleet.setCommandFactory((channel, command) -> new Answer(command));
        if ("no-sntrup".equals(deviceKex)) {
            // a device without sntrup761x25519 (OpenSSH before 9.0, or one that offers only ML-KEM as post-quantum KEX)
            fleet.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                    BaseBuilder.DEFAULT_KEX_PREFERENCE.stream().filter(f -> !f.getName().startsWith("sntrup")).toList(),
                    ServerBuilder.DH2KEX));
        }
        fleet.start();
        Set<SocketAddress> known = new HashSet<>(fleet.bound());
        for (int i = 0; i < ports.length; i++) {
            Kind kind = kindOf(i);
            if (kind == Kind.DEAD) {
                try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                    ports[i] = probe.getLocalPort(); // closed again: connection refused
                }
                continue;
            }
            fleet.listen(new InetSocketAddress("127.0.0.1", 0));
            for (SocketAddress address : fleet.bound()) {
                if (known.add(address)) {
                    ports[i] = ((InetSocketAddress) address).getPort();
                }
            }
            kindByPort.put(ports[i], kind);
        }
    }

    /** One command of a simulated device: the process-group header device-service asks for, then the answer. */
    final class Answer implements Command {
        private final String command;
        private OutputStream out;
        private ExitCallback exit;
        private volatile ScheduledFuture<?> pending;

        Answer(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            commands.incrementAndGet();
            int port = ((InetSocketAddress) channel.getSession().getIoSession().getLocalAddress()).getPort();
            Kind kind = kindByPort.getOrDefault(port, Kind.HEALTHY);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String reply;
            long delay;
            if (command.contains("check-slot")) {
                slotChecks.incrementAndGet();
                reply = "true\n";
                delay = 50 + random.nextInt(251);
            } else if (command.contains("report-status")) {
                reply = "ok\n";
                delay = 50 + random.nextInt(451);
            } else { // kill of a timed-out command's process group, anything else
                reply = "";
                delay = 0;
            }
            if (kind == Kind.SLOW && delay > 0) {
                delay = slowAnswerMs;
            }
            String header = command.startsWith("echo JOYSTICK_PGID=") ? "JOYSTICK_PGID=" + (1000 + port) + "\n" : "";
            pending = ANSWERS.schedule(() -> {
                try {
                    out.write((header + reply).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // the channel was closed (timed out): nothing to answer
                }
                exit.onExit(0);
            }, delay, TimeUnit.MILLISECONDS);
        }

        @Override
        public void destroy(ChannelSession channel) {
            ScheduledFuture<?> future = pending;
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    // ---------------------------------------------------------------- device-service setup

    PrivateKey signing;
    String admin;
    String model;
    final List<String> userTokens = new ArrayList<>();
    int registered;

    void setUp() throws Exception {
        signing = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(dir.resolve("signing.key")))));
        admin = token("bench-admin", List.of("admin"));
        for (int u = 0; u < users; u++) {
            userTokens.add(token(userId(u), List.of("user")));
        }
        model = id(send("POST", device + "/api/models", admin, "{\"name\":\"scale-bench\"}", 201));
        send("POST", device + "/api/actions", admin, "{\"name\":\"slot-check\"}", 201);
        send("POST", device + "/api/actions", admin, "{\"name\":\"report-status\"}", 201);
        send("POST", device + "/api/runs", admin, JSON.createObjectNode().put("model", model).put("action", "slot-check")
                .put("target", "device").put("timeout", 10).put("command", "check-slot $host").toString(), 201);
        send("POST", device + "/api/runs", admin, JSON.createObjectNode().put("model", model).put("action", "report-status")
                .put("target", "device").put("timeout", 10).put("command", "report-status $device").toString(), 201);
    }

    static String userId(int u) {
        return "bench-user-" + u;
    }

    static String deviceId(int i) {
        return String.format(Locale.ROOT, "dev-%04d", i);
    }

    void register(int upTo) throws Exception {
        for (int i = registered; i < upTo; i++) {
            ObjectNode body = JSON.createObjectNode().put("id", deviceId(i)).put("name", "Device " + i).put("model", model);
            body.putArray("allow").add(userId(i % users));
            body.putObject("information").put("host", "127.0.0.1").put("port", ports[i]).put("user", "joystick")
                    .put("password", "bench").put("secondSlotHost", "127.0.0.2").put("autoSlotSwitch", true);
            send("POST", device + "/api/devices", apiKeyAuth(), body.toString(), 201);
        }
        registered = upTo;
    }

    // ---------------------------------------------------------------- observing switcher-client's runs

    record Run(Instant started, Instant finished, int checked, int failed) {
        double seconds() {
            return Duration.between(started, finished).toMillis() / 1000.0;
        }
    }

    Instant lastSeen = Instant.EPOCH;

    /** Waits for the next health run that started after {@code after} to finish (polling every 2 s). */
    Run nextRun(Instant after) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            JsonNode run = JSON.readTree(send("GET", switcher + "/api/health/devices", apiKeyAuth(), null, 200)).path("lastRun");
            if (!run.isMissingNode() && !run.isNull()) {
                Instant started = Instant.parse(run.path("started").asText());
                if (started.isAfter(after) && started.isAfter(lastSeen)) {
                    lastSeen = started;
                    if (!run.path("error").isNull()) {
                        throw new IllegalStateException("health run failed: " + run.path("error").asText());
                    }
                    return new Run(started, Instant.parse(run.path("finished").asText()), run.path("checked").size(),
                            run.path("failed").size());
                }
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("no health run finished within 5 minutes");
    }

    // ---------------------------------------------------------------- device-service's access log: per check

    long accessOffset;

    /** Durations (ms) of the slot-check and other run requests logged since the last call. */
    long[][] accessSinceLast() throws IOException {
        List<Long> checks = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(accessLog.toFile(), "r")) {
            file.seek(accessOffset);
            byte[] bytes = new byte[(int) (file.length() - accessOffset)];
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            accessOffset += text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
            for (String line : text.substring(0, end).split("\n")) {
                // "POST /api/run/dev-0001/slot-check?timeout=10&log=false HTTP/1.1 200 123"
                if (!line.startsWith("POST /api/run/")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                long ms = Long.parseLong(parts[parts.length - 1]);
                (line.contains("/slot-check") ? checks : others).add(ms);
            }
        }
        return new long[][] { checks.stream().mapToLong(Long::longValue).sorted().toArray(),
                others.stream().mapToLong(Long::longValue).sorted().toArray() };
    }

    // ---------------------------------------------------------------- the users

    final class Users {
        final AtomicBoolean stop = new AtomicBoolean();
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<Thread> threads = new ArrayList<>();
        volatile boolean counting;

        void start(int fleetSize) {
            for (int u = 0; u < users; u++) {
                int user = u;
                List<Integer> mine = new ArrayList<>();
                for (int i = user; i < fleetSize; i += users) {
                    if (kindOf(i) == Kind.HEALTHY) {
                        mine.add(i);
                    }
                }
                Thread thread = new Thread(() -> loop(userTokens.get(user), mine), "user-" + u);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        void loop(String token, List<Integer> mine) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                Thread.sleep(random.nextInt(Math.max(1, thinkMs)));
            } catch (InterruptedException e) {
                return;
            }
            while (!stop.get() && !mine.isEmpty()) {
                String target = deviceId(mine.get(random.nextInt(mine.size())));
                HttpRequest request = HttpRequest.newBuilder(URI.create(device + "/api/run/" + target + "/report-status"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                long start = System.nanoTime();
                int status;
                try {
                    status = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    status = -1;
                }
                long took = (System.nanoTime() - start) / 1000;
                if (counting) {
                    micros.add(took);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                try {
                    Thread.sleep(thinkMs / 2 + random.nextInt(Math.max(1, thinkMs)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(40_000);
            }
        }
    }

    // ---------------------------------------------------------------- the run

    void run() throws Exception {
        startFleet();
        setUp();
        log("fleet of " + ports.length + " simulated devices listening; devices " + Arrays.toString(steps));
        out("- Key exchanges the simulated devices offer: %s", fleet.getKeyExchangeFactories().stream()
                .map(f -> f.getName()).collect(java.util.stream.Collectors.joining(", ")));
        long[] base = memory(devicePid, true);
        out("device-service before any SSH session: RSS %.1f MiB (after a full GC; heap used %.1f MiB), %d threads",
                base[0] / 1024.0, base[1] / 1024.0, base[2]);
        out("");
        out("| devices | sessions open | first run (opens sessions) s | run s, no users | check p50 / p99 ms | CPU ms per check (device-service + switcher) | runs with %d users s | check p99 with users ms | user run p50 / p99 ms (n, errors) | user runs/s | device-service RSS MiB (heap used) | threads |",
                users);
        out("|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<String> notes = new ArrayList<>();
        long prevRss = base[0];
        int prevSessions = 0;
        for (int n : steps) {
            Instant registering = Instant.now();
            register(n);
            Instant registeredAt = Instant.now();
            log(n + " devices registered in " + Duration.between(registering, registeredAt).toMillis() + " ms");
            // the first run after the new devices opens their sessions
            Run first = nextRun(registeredAt);
            accessSinceLast();
            long[] cpu0 = cpu();
            long t0 = System.nanoTime();
            Run quiet = nextRun(first.started());
            long[] cpu1 = cpu();
            long quietWallMs = (System.nanoTime() - t0) / 1_000_000;
            long[][] quietAccess = accessSinceLast();
            long checks = quietAccess[0].length;
            double cpuPerCheck = checks == 0 ? Double.NaN : ((cpu1[0] - cpu0[0]) + (cpu1[1] - cpu0[1])) * 10.0 / checks;
            double devPerCheck = checks == 0 ? Double.NaN : (cpu1[0] - cpu0[0]) * 10.0 / checks;
            double swPerCheck = checks == 0 ? Double.NaN : (cpu1[1] - cpu0[1]) * 10.0 / checks;

            Users load = new Users();
            load.start(n);
            Thread.sleep(Math.max(1000, thinkMs * 2L)); // every user under way
            load.counting = true;
            accessSinceLast();
            long u0 = System.nanoTime();
            List<Run> busy = new ArrayList<>();
            Instant after = quiet.started();
            for (int r = 0; r < measuredRuns; r++) {
                Run run = nextRun(after);
                busy.add(run);
                after = run.started();
            }
            load.counting = false;
            double userSeconds = (System.nanoTime() - u0) / 1e9;
            long[][] busyAccess = accessSinceLast();
            load.stop();
            long[] userMicros = load.micros.stream().mapToLong(Long::longValue).sorted().toArray();
            int sessions = fleet.getActiveSessions().size();
            long[] mem = memory(devicePid, true);
            StringBuilder busyRuns = new StringBuilder();
            for (Run run : busy) {
                busyRuns.append(busyRuns.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", run.seconds()));
            }
            out("| %d | %d | %.1f | %.1f | %s / %s | %.2f (%.2f + %.2f) | %s | %s | %s / %s (%d, %d) | %.1f | %.1f (%.1f) | %d |",
                    n, sessions, first.seconds(), quiet.seconds(), pct(quietAccess[0], 50), pct(quietAccess[0], 99),
                    cpuPerCheck, devPerCheck, swPerCheck, busyRuns, pct(busyAccess[0], 99),
                    ms(pct(userMicros, 50)), ms(pct(userMicros, 99)), userMicros.length, load.errors.get(),
                    userMicros.length / userSeconds, mem[0] / 1024.0, mem[1] / 1024.0, mem[2]);
            notes.add(String.format(Locale.ROOT,
                    "- %d devices: quiet run checked %d devices (%d failed), %d slot-check requests in %.0f s of wall time; "
                            + "RSS growth per session since the previous size %.1f KiB (%d → %d sessions); user statuses %s",
                    n, quiet.checked(), quiet.failed(), checks, quietWallMs / 1000.0,
                    sessions == prevSessions ? Double.NaN : (mem[0] - prevRss) / (double) (sessions - prevSessions),
                    prevSessions, sessions, load.statuses));
            if (sessions > 0) {
                double rssPerSession = (mem[0] - base[0]) / (double) sessions;
                double heapPerSession = (mem[1] - base[1]) / (double) sessions;
                notes.add(String.format(Locale.ROOT, "  RSS beyond the no-session baseline per session: %.1f KiB",
                        rssPerSession));
                // with a fixed, pre-touched heap the RSS growth is what the sessions hold outside the heap
                notes.add(String.format(Locale.ROOT,
                        "  live heap beyond the no-session baseline per session (after a full GC): %.1f KiB;"
                                + " with a fixed heap, per session in all: %.1f KiB",
                        heapPerSession, heapPerSession + Math.max(0, rssPerSession)));
            }
            notes.add("  failures since the step began: " + failures(registering));
            prevRss = mem[0];
            prevSessions = sessions;
        }
        out("");
        notes.forEach(FleetScale::out);
        out("- commands answered by the simulated devices: %d (slot-checks %d)", commands.get(), slotChecks.get());
        // what the pooled sessions hold on device-service's heap (live objects: the histogram forces a full GC)
        String[] histogram = run("jcmd", String.valueOf(devicePid), "GC.class_histogram").split("\n");
        out("");
        out("device-service's largest classes on the heap with %d pooled sessions open (`jcmd <pid> GC.class_histogram`):",
                fleet.getActiveSessions().size());
        out("```");
        for (int i = 0; i < Math.min(histogram.length, 18); i++) {
            out("%s", histogram[i]);
        }
        out("```");
    }

    /** Failed runs since {@code from}, by error (device ids, addresses and numbers blanked), most frequent first. */
    String failures(Instant from) throws Exception {
        java.util.TreeMap<String, Integer> byError = new java.util.TreeMap<>();
        int total = 0;
        for (int page = 1; page <= 20; page++) {
            JsonNode body = JSON.readTree(send("GET", device + "/api/action-logs?success=false&perPage=100&page=" + page
                    + "&from=" + from, apiKeyAuth(), null, 200));
            for (JsonNode item : body.path("items")) {
                String error = item.path("action").asText() + ": " + item.path("error").asText("exit " + item.path("exitCode").asText())
                        .replaceAll("dev-\\d+", "dev-N").replaceAll("\\d+", "N");
                byError.merge(error.length() > 160 ? error.substring(0, 160) + "…" : error, 1, Integer::sum);
                total++;
            }
            if (page >= body.path("totalPages").asInt()) {
                break;
            }
        }
        StringBuilder text = new StringBuilder(total + " failed runs");
        byError.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> text.append("; ").append(e.getValue()).append(" × ").append(e.getKey()));
        return text.toString();
    }

    // ---------------------------------------------------------------- helpers

    /** utime+stime ticks of device-service and switcher-client. */
    static long[] cpu() throws IOException {
        return new long[] { ticks(devicePid), ticks(switcherPid) };
    }

    static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** RSS KiB, heap used KiB (after a full GC when asked), threads. */
    static long[] memory(long pid, boolean gc) throws Exception {
        long heap = -1;
        if (gc) {
            run("jcmd", String.valueOf(pid), "GC.run");
            String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            if (m.find()) {
                heap = Long.parseLong(m.group(1));
            }
            Thread.sleep(1000);
        }
        long rss = 0;
        long threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] { rss, heap, threads };
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    static String pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return "–";
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return String.valueOf(sorted[Math.max(0, rank - 1)]);
    }

    static String ms(String micros) {
        return micros.equals("–") ? micros : String.format(Locale.ROOT, "%.0f", Long.parseLong(micros) / 1000.0);
    }

    String apiKeyAuth() {
        return "key:" + apiKey;
    }

    static String send(String method, String url, String auth, String body, int expected) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (auth.startsWith("key:")) {
            builder.header("X-API-Key", auth.substring(4));
        } else {
            builder.header("Authorization", "Bearer " + auth);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String id(String body) throws IOException {
        return JSON.readTree(body).path("id").asText();
    }

    String token(String subject, List<String> groups) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("joystick-auth");
        claims.setAudience("joystick");
        claims.setSubject(subject);
        claims.setClaim("upn", subject + "@example.com");
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(120);
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signing);
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
        Files.writeString(dir.resolve("jwks.json"), new JsonWebKeySet(jwk).toJson());
        Files.writeString(dir.resolve("signing.key"), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
    }

    static void out(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static void log(String message) {
        System.err.println("[fleet-scale] " + message);
    }
}
