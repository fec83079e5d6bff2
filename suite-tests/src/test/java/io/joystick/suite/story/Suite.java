package io.joystick.suite.story;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.joystick.auth.testapp.PackagedService;

/**
 * The five services started from their packaged jars on embedded defaults (H2 under a temporary data
 * directory), wired to each other as `./joystick up` wires them, with a generated API key.
 */
public final class Suite implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@story.test";
    public static final String ADMIN_PASSWORD = "admin-password-of-the-story";
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    public final String apiKey = HexFormat.of().formatHex(random(32));
    private final String secretKey = Base64.getEncoder().encodeToString(random(32));
    private final Path root;
    private final Path data;
    private final Map<String, String> urls = new HashMap<>();
    private final List<PackagedService> started = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, PackagedService.Launch> launches = new HashMap<>();

    public Suite(Path root, Path data) throws Exception {
        this.root = root;
        this.data = data;
        // Every port is held until all are chosen: ports picked one after the other and released at once can
        // repeat, and two services would then race for one.
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String service : List.of("auth-service", "device-service", "telemetry-service",
                    "notification-service", "switcher-client")) {
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.put(service, socket.getLocalPort());
                urls.put(service, "http://127.0.0.1:" + socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    /** Settings every service gets, as the launcher gives them. */
    private Map<String, String> common(String instance) {
        Map<String, String> env = new HashMap<>();
        env.put("JOYSTICK_API_KEY", apiKey);
        env.put("JOYSTICK_SECRET_KEY", secretKey);
        env.put("JOYSTICK_DATA_DIR", data.resolve(instance).toString());
        env.put("JOYSTICK_AUTH_URL", urls.get("auth-service"));
        env.put("JOYSTICK_DEVICE_URL", urls.get("device-service"));
        env.put("JOYSTICK_NOTIFICATION_URL", urls.get("notification-service"));
        env.put("JOYSTICK_SWITCHER_URL", urls.get("switcher-client"));
        // Revocations reach every service within a second or two instead of the default 15 s.
        env.put("JOYSTICK_REVOCATION_POLL_INTERVAL", "1s");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return env;
    }

    public PackagedService start(String module, Map<String, String> extra) throws Exception {
        return start(module, module, ports.get(module), extra);
    }

    public PackagedService start(String module, String instance, int port, Map<String, String> extra) throws Exception {
        Map<String, String> env = common(instance);
        env.putAll(extra);
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Path logs = root.resolve("suite-tests/target/story-logs");
        PackagedService.Launch launch = new PackagedService.Launch(instance, jar, logs, env).withPort(port)
                .withJvmOptions("-Xmx192m", "-XX:TieredStopAtLevel=1");
        launches.put(instance, launch);
        PackagedService service = PackagedService.start(launch).awaitReady(START_LIMIT);
        started.add(service);
        return service;
    }

    /** Starts an instance again as it was first started (same port, settings and data), after it stopped. */
    public PackagedService restart(PackagedService stopped) throws Exception {
        PackagedService service = PackagedService.start(launches.get(stopped.name));
        started.set(started.indexOf(stopped), service);
        return service.awaitReady(START_LIMIT);
    }

    /** Logs in with a password; the token. */
    public String login(String email, String password) {
        Http.Response login = Http.anonymous().post(url("auth-service") + "/api/collections/users/auth-with-password",
                Map.of("identity", email, "password", password));
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + email + ": expected 200: " + login);
        }
        return login.body().path("token").asText();
    }

    public int port(String service) {
        return ports.get(service);
    }

    public String url(String service) {
        return urls.get(service);
    }

    public List<PackagedService> services() {
        return List.copyOf(started);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
