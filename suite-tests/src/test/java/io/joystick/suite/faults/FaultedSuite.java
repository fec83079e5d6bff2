package io.joystick.suite.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.joystick.auth.testapp.PackagedService;
import io.joystick.suite.story.Http;
import io.joystick.suite.story.Mosquitto;
import io.joystick.suite.story.NmeaGps;
import io.joystick.suite.story.Postgres;
import io.joystick.suite.story.SshDevice;
import io.joystick.suite.story.Suite;

/**
 * The packaged services on a {@link PrivatePostgres} of their own (each service its database), with two
 * notification-service instances (listeners connect to A, senders post to B, so every notification crosses
 * instances), an SSH device, users on its allow-list, a {@link MixedLoad} on them and the faults injected one at a
 * time into a {@link Ledger}. With the fleet: fleet-service on a real {@link Mosquitto} and the device's edge (a
 * telemetry-service publishing the fixes of an {@link NmeaGps} with the broker account fleet-service issued), so
 * every fix the edge took can be looked for in fleet-service's history.
 */
public final class FaultedSuite implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("joystick.root", "..")).toAbsolutePath().normalize();
    static final String DEVICE = "faulty-cam";
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);

    public final PrivatePostgres postgres;
    public final Suite suite;
    public final Ledger ledger;
    public PackagedService notificationA;
    public PackagedService notificationB;
    public MixedLoad load;
    private final Path temp;
    private final SshDevice sshDevice;
    private WireMockServer mediamtx;
    private String adminToken;
    public Mosquitto broker;
    private NmeaGps gps;
    private int firstFix;
    private int lastFix = -1;
    /** When the edge was down (killed until ready again): the fixes written then were never taken. */
    private final List<Ledger.Fault> edgeDown = new ArrayList<>();
    private final Instant started = Instant.now();

    /** Starts auth-service, device-service, telemetry-service, two notification-services (and switcher-client). */
    public FaultedSuite(Ledger ledger, boolean switcher) throws Exception {
        this(ledger, switcher, false);
    }

    /** As {@link #FaultedSuite(Ledger, boolean)}, and with {@code fleet} fleet-service on a Mosquitto of its own. */
    public FaultedSuite(Ledger ledger, boolean switcher, boolean fleet) throws Exception {
        this.ledger = ledger;
        temp = Files.createTempDirectory("joystick-faults");
        postgres = new PrivatePostgres();
        sshDevice = new SshDevice(temp.resolve("device-host-key"));
        suite = new Suite(ROOT, temp.resolve("data"));
        Map<String, String> auth = new HashMap<>(storage("auth-service"));
        auth.put("JOYSTICK_ADMIN_EMAIL", Suite.ADMIN_EMAIL);
        auth.put("JOYSTICK_ADMIN_PASSWORD", Suite.ADMIN_PASSWORD);
        suite.start("auth-service", auth);
        suite.start("device-service", storage("device-service"));
        suite.start("telemetry-service", Map.of());
        Map<String, String> notifications = storage("notification-service");
        notificationA = suite.start("notification-service", "notification-service-a", PackagedService.freePort(),
                notifications);
        // The other services send to the configured URL: instance B.
        notificationB = suite.start("notification-service", "notification-service-b",
                suite.port("notification-service"), notifications);
        if (switcher) {
            mediamtx = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            mediamtx.start();
            mediamtx.stubFor(any(urlPathMatching("/v3/.*")).willReturn(aResponse().withStatus(200)));
            // No MediaMTX runs (a stub answers its API): stream status is off, as on the local run.
            suite.start("switcher-client",
                    Map.of("JOYSTICK_MEDIAMTX_URL", mediamtx.baseUrl(), "STREAM_STATUS_ENABLED", "false"));
        }
        if (fleet) {
            broker = new Mosquitto(temp.resolve("mosquitto"));
            Map<String, String> env = broker.fleetServiceEnvironment("joystick-faults-fleet");
            env.putAll(storage("fleet-service"));
            suite.start("fleet-service", "fleet-service", PackagedService.freePort(), env);
        }
    }

    private String fleetUrl() {
        return suite.services().stream().filter(s -> s.name.equals("fleet-service")).findFirst()
                .map(PackagedService::url).orElse(null);
    }

    /** fleet-service issues the device's broker account; its edge publishes every GPS fix it reads with it. */
    private void startEdge() throws Exception {
        Http.Response credentials =
                Http.apiKey(suite.apiKey).post(fleetUrl() + "/api/fleet/devices/" + DEVICE + "/credentials", null);
        expect(200, credentials);
        gps = new NmeaGps(temp.resolve("tty"));
        Map<String, String> env = gps.edgeEnvironment(DEVICE, credentials.body());
        suite.start("telemetry-service", "edge-" + DEVICE, PackagedService.freePort(), env);
        // The fixes written before the edge was ready wait in the terminal and are read at once, faster than its
        // publish interval, which takes one and skips the rest (telemetry-service/README.md): from here on it takes
        // every fix.
        firstFix = gps.written();
    }

    private Map<String, String> storage(String service) throws Exception {
        String database = "joystick_faults_" + service.replace('-', '_');
        Postgres.createDatabase(postgres.url(), database);
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.url() + "/" + database, "QUARKUS_DATASOURCE_USERNAME",
                "postgres", "QUARKUS_DATASOURCE_PASSWORD", "");
    }

    /** An admin sets up the device (an SSH server on loopback) with {@code clients} users on its allow-list. */
    public MixedLoad prepareLoad(int clients, Duration pace) {
        adminToken = login(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        Http admin = Http.bearer(adminToken);
        expect(201, admin.post(device("/api/models"), Map.of("name", "faulty-model")));
        for (String action : List.of("say", "hang")) {
            expect(201, admin.post(device("/api/actions"), Map.of("name", action)));
        }
        expect(201, admin.post(device("/api/runs"), Map.of("model", "faulty-model", "action", "say", "target",
                "device", "command", "echo $msg from $device", "parameters", Map.of("type", "object", "properties",
                        Map.of("msg", Map.of("type", "string")), "required", List.of("msg")))));
        // The device hangs mid-command: nothing comes back until device-service's timeout ends the run.
        expect(201, admin.post(device("/api/runs"),
                Map.of("model", "faulty-model", "action", "hang", "target", "device", "command", "sleep 120")));
        List<MixedLoad.User> users = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String email = "client" + i + "@faults.test";
            String password = "password of " + email;
            Http.Response created = admin.post(auth("/api/admin/users"),
                    Map.of("email", email, "name", email, "password", password, "permissions", List.of("device-gps")));
            expect(201, created);
            users.add(new MixedLoad.User(created.body().path("id").asText(), email, password, login(email, password)));
        }
        expect(201, admin.post(device("/api/devices"), Map.of("id", DEVICE, "name", "Faulty camera", "model",
                "faulty-model", "allow", users.stream().map(u -> u.id).toList(), "information",
                Map.of("host", "127.0.0.1", "port", sshDevice.port(), "user", SshDevice.USER, "password",
                        SshDevice.PASSWORD))));
        if (broker != null) {
            try {
                startEdge();
            } catch (Exception e) {
                throw new IllegalStateException("the edge did not start", e);
            }
        }
        load = new MixedLoad(new MixedLoad.Target(suite.url("auth-service"), suite.url("device-service"),
                suite.url("telemetry-service"), notificationB.url(), notificationA.url(), DEVICE, suite.apiKey,
                broker == null ? null : fleetUrl()), users, ledger, pace);
        return load;
    }

    /** A step of a fault: inject it, repair it. */
    public interface Step {
        void run() throws Exception;
    }

    /**
     * Injects a fault, holds it, repairs it and waits until every service is ready again; the ledger gets its
     * window.
     */
    public Ledger.Fault fault(String name, Step inject, Duration hold, Step repair) throws Exception {
        long start = System.currentTimeMillis();
        inject.run();
        Thread.sleep(hold.toMillis());
        repair.run();
        long end = System.currentTimeMillis();
        awaitAllReady();
        Ledger.Fault fault = new Ledger.Fault(name, start, end, System.currentTimeMillis());
        ledger.fault(fault);
        return fault;
    }

    /** kill -9 of an instance, then started again as it was. */
    public Ledger.Fault killAndRestart(String name, PackagedService instance) throws Exception {
        PackagedService[] restarted = new PackagedService[1];
        Ledger.Fault fault = fault("kill -9 " + name, instance::kill, Duration.ZERO,
                () -> restarted[0] = suite.restart(instance));
        if (instance.name.startsWith("edge-")) {
            edgeDown.add(fault);
        }
        if (instance == notificationA) {
            notificationA = restarted[0];
        } else if (instance == notificationB) {
            notificationB = restarted[0];
        }
        return fault;
    }

    public PackagedService service(String instance) {
        return suite.services().stream().filter(s -> s.name.equals(instance)).findFirst().orElseThrow();
    }

    /** One run on the device that hangs until device-service's {@code timeout} (seconds) ends it. */
    public Http.Response hangingRun(int timeout) {
        return Http.bearer(load.users().get(0).token).timeout(ledger.timeout().plusSeconds(timeout))
                .post(device("/api/run/" + DEVICE + "/hang?timeout=" + timeout), Map.of());
    }

    void awaitAllReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        List<String> notReady = List.of();
        while (System.nanoTime() < deadline) {
            notReady = new ArrayList<>();
            for (PackagedService service : suite.services()) {
                for (String check : readyChecks(service)) {
                    try {
                        HttpRequest ready =
                                HttpRequest.newBuilder(service.uri(check)).timeout(Duration.ofSeconds(2)).build();
                        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            notReady.add(service.name + " " + check);
                        }
                    } catch (java.io.IOException notYet) {
                        notReady.add(service.name + " " + check);
                    }
                }
            }
            if (notReady.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(notReady + " not ready again within " + READY_LIMIT);
    }

    /**
     * Recovered means ready, and for fleet-service also consuming from the broker again (its ingest health group:
     * it stays ready for reads without the broker).
     */
    private static List<String> readyChecks(PackagedService service) {
        return service.name.equals("fleet-service") ? List.of("/q/health/ready", "/q/health/group/ingest")
                : List.of("/q/health/ready");
    }

    /**
     * After the load stopped: waits up to {@code settle} for the listeners to receive what is stored, then adds
     * up every phase.
     */
    public List<Ledger.Counts> counts(Duration settle) throws Exception {
        List<Ledger.Request> requests = ledger.requests();
        List<Long> unstored = gps == null ? null : unstoredReadings(settle);
        // Action-log rows for the runs that answered 2xx.
        Set<String> outputs = new HashSet<>();
        Http admin = Http.bearer(login(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD));
        for (int page = 1;; page++) {
            Http.Response logs =
                    admin.get(device("/api/action-logs?device=" + DEVICE + "&action=say&perPage=500&page=" + page));
            expect(200, logs);
            logs.body().path("items").forEach(row -> outputs.add(row.path("output").asText().trim()));
            if (page >= logs.body().path("totalPages").asInt()) {
                break;
            }
        }
        Set<Ledger.Request> missingLogs = new HashSet<>();
        for (Ledger.Request r : requests) {
            if (r.kind().equals("run") && !r.failed() && !outputs.contains(r.detail() + " from " + DEVICE)) {
                missingLogs.add(r);
            }
        }
        // Notifications: stored (each user's history) against delivered (its listener), until settled.
        long deadline = System.currentTimeMillis() + settle.toMillis();
        while (true) {
            List<Long> undelivered = new ArrayList<>();
            List<Long> duplicates = new ArrayList<>();
            Map<String, Map<String, Integer>> delivered = load.delivered();
            Set<String> storedTitles = new HashSet<>();
            for (MixedLoad.User user : load.users()) {
                Map<String, Integer> got = delivered.getOrDefault(user.id, Map.of());
                for (JsonNode n : history(user)) {
                    String id = n.path("id").asText();
                    storedTitles.add(n.path("title").asText());
                    int times = got.getOrDefault(id, 0);
                    if (times == 0) {
                        undelivered.add(n.path("timestamp").asLong());
                    } else if (times > 1) {
                        duplicates.add(n.path("timestamp").asLong());
                    }
                }
            }
            // A send answered 200 is in the history: one that is not counts as never delivered, when it was sent.
            for (Ledger.Request r : requests) {
                if (r.kind().equals("notify") && !r.failed() && !storedTitles.contains(r.detail())) {
                    undelivered.add(r.start());
                }
            }
            if (undelivered.isEmpty() || System.currentTimeMillis() > deadline) {
                return ledger.counts(missingLogs, undelivered, duplicates, unstored);
            }
            Thread.sleep(1000);
        }
    }

    /** Call when the load stopped: the fixes written until now are those the edge must have published. */
    public void endOfReadings() {
        if (gps != null) {
            lastFix = gps.written() - 1;
        }
    }

    /**
     * Every fix written from when the edge was ready to {@link #endOfReadings} (the edge took each) must be in the
     * device's history; waits up to {@code settle} for queues to drain. The epoch milliseconds at which each missing
     * fix was written.
     */
    private List<Long> unstoredReadings(Duration settle) throws Exception {
        if (lastFix < 0) {
            endOfReadings();
        }
        MixedLoad.User user = load.users().get(0);
        Http http = Http.bearer(login(user.email, user.password));
        String window = fleetUrl() + "/api/fleet/devices/" + DEVICE + "/gps/history?max=10000&from="
                + started.minusSeconds(60) + "&to=" + Instant.now().plusSeconds(3600);
        long deadline = System.currentTimeMillis() + settle.toMillis();
        while (true) {
            Http.Response history = http.get(window);
            expect(200, history);
            if (history.body().path("total").asInt() > 10_000) {
                throw new IllegalStateException("more than 10,000 readings: the history is thinned");
            }
            Set<Integer> stored = new HashSet<>();
            history.body().path("items")
                    .forEach(item -> stored.add(NmeaGps.fixNumber(item.path("latitude").asDouble())));
            int first = firstFix;
            List<Long> missing = new ArrayList<>();
            List<Integer> missingFixes = new ArrayList<>();
            int notTaken = 0;
            for (int fix = first; fix <= lastFix; fix++) {
                long writtenAt = gps.writtenAt(fix);
                if (edgeDown.stream().anyMatch(down -> writtenAt >= down.start() && writtenAt <= down.recovered())) {
                    // Waited in the terminal and read at once on restart, one taken per publish interval.
                    notTaken++;
                } else if (!stored.contains(fix)) {
                    missing.add(writtenAt);
                    missingFixes.add(fix);
                }
            }
            System.out.println("Fixes " + first + " to " + lastFix + ": " + stored.size() + " readings stored ("
                    + history.body().path("total").asInt() + " in the history), missing "
                    + missingFixes.subList(0, Math.min(50, missingFixes.size())) + " of " + missing.size()
                    + "; not counted, written while the edge was down: " + notTaken);
            if (missing.isEmpty() || System.currentTimeMillis() > deadline) {
                return missing;
            }
            Thread.sleep(1000);
        }
    }

    private List<JsonNode> history(MixedLoad.User user) {
        List<JsonNode> items = new ArrayList<>();
        Http http = Http.bearer(login(user.email, user.password));
        for (int page = 1;; page++) {
            Http.Response history = http.get(notificationA.url() + "/api/notifications?perPage=100&page=" + page);
            expect(200, history);
            history.body().path("items").forEach(items::add);
            if (page >= history.body().path("totalPages").asInt()) {
                return items;
            }
        }
    }

    /** Prints the counts and writes them to {@code target/faults/<name>.md}. */
    static void report(String name, List<Ledger.Counts> counts) throws java.io.IOException {
        String table = Ledger.markdown(counts);
        System.out.println(table);
        Path file = Files.createDirectories(Path.of("target/faults")).resolve(name + ".md");
        Files.writeString(file, table);
    }

    private String login(String email, String password) {
        return suite.login(email, password);
    }

    private String auth(String path) {
        return suite.url("auth-service") + path;
    }

    private String device(String path) {
        return suite.url("device-service") + path;
    }

    private static void expect(int status, Http.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : new AutoCloseable[] {load, gps, suite, broker, sshDevice, postgres}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("closing " + resource + ": " + e);
                }
            }
        }
        if (mediamtx != null) {
            mediamtx.stop();
        }
        new ProcessBuilder("rm", "-rf", temp.toString()).start().waitFor();
    }
}
