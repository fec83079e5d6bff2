package io.joystick.suite.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.suite.story.Http;
import io.joystick.suite.story.NotificationSocket;

/**
 * A steady mixed load: each client, a user of its own, logs in, runs an action on the SSH device, has a
 * notification sent to itself (with the API key) and reads the device, the telemetry and the fleet's latest and
 * history of the device's GPS, in turn, a request
 * every {@code pace}; its WebSocket listener stays connected and, when dropped, reconnects with
 * {@code ?since=<last id received>}. Every request goes to the {@link Ledger}.
 */
public final class MixedLoad implements AutoCloseable {

    /** Where the load goes. {@code telemetry} and {@code fleet} may be null (no telemetry or fleet reads). */
    public record Target(String auth, String device, String telemetry, String notificationSends,
            String notificationSockets, String deviceId, String apiKey, String fleet) {
    }

    /** A user of the load: its id, e-mail, password and latest token. */
    public static final class User {
        final String id;
        final String email;
        final String password;
        volatile String token;

        public User(String id, String email, String password, String token) {
            this.id = id;
            this.email = email;
            this.password = password;
            this.token = token;
        }
    }

    private final Target target;
    private final List<User> users;
    private final Ledger ledger;
    private final Duration pace;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean running;
    private Thread supervisor;

    public MixedLoad(Target target, List<User> users, Ledger ledger, Duration pace) {
        this.target = target;
        this.users = List.copyOf(users);
        this.ledger = ledger;
        this.pace = pace;
    }

    public void start() throws Exception {
        running = true;
        for (User user : users) {
            Listener listener = new Listener(user);
            listeners.put(user.id, listener);
            listener.connect();
        }
        for (User user : users) {
            threads.add(daemon("load-" + user.email, () -> drive(user)));
            Thread.sleep(pace.toMillis() / users.size() + 1);
        }
        supervisor = daemon("load-listeners", this::superviseListeners);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops sending; the listeners stay connected until {@link #close}. */
    public void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(ledger.timeout().toMillis() + 5_000);
        }
    }

    private void drive(User user) {
        for (int turn = 0; running; turn++) {
            long next = System.currentTimeMillis() + pace.toMillis();
            switch (turn % 5) {
                case 0 -> login(user);
                case 1, 3 -> run(user);
                case 2 -> notify(user);
                default -> read(user, turn);
            }
            long rest = next - System.currentTimeMillis();
            if (rest > 0) {
                sleep(rest);
            }
        }
    }

    private void login(User user) {
        Http.Response login = request("login", null, () -> Http.anonymous().timeout(ledger.timeout()).post(
                target.auth() + "/api/collections/users/auth-with-password",
                Map.of("identity", user.email, "password", user.password)));
        if (login != null && login.status() == 200) {
            user.token = login.body().path("token").asText();
        }
    }

    private void run(User user) {
        String tag = "run-" + sequence.incrementAndGet();
        request("run", tag, () -> http(user).post(target.device() + "/api/run/" + target.deviceId() + "/say",
                Map.of("msg", tag)));
    }

    private void notify(User user) {
        String title = "load-" + sequence.incrementAndGet();
        request("notify", title,
                () -> Http.apiKey(target.apiKey()).timeout(ledger.timeout())
                        .post(target.notificationSends() + "/api/notifications/send",
                                Map.of("type", "info", "title", title, "message", "from the load", "userId", user.id)));
    }

    private void read(User user, int turn) {
        // Telemetry and device reads alternate; with the fleet, its latest and history join them.
        int kind = target.fleet() == null ? (turn % 2 == 0 ? 0 : 1) : (turn / 5) % 4;
        if (target.telemetry() != null && kind == 0) {
            request("telemetry read", null, () -> http(user).get(target.telemetry() + "/api/gps"));
        } else if (target.fleet() != null && kind == 2) {
            request("fleet latest", null,
                    () -> http(user).get(target.fleet() + "/api/fleet/devices/" + target.deviceId() + "/gps"));
        } else if (target.fleet() != null && kind == 3) {
            request("fleet history", null, () -> http(user)
                    .get(target.fleet() + "/api/fleet/devices/" + target.deviceId() + "/gps/history?max=100"));
        } else {
            request("device read", null, () -> http(user).get(target.device() + "/api/devices/" + target.deviceId()));
        }
    }

    /** Runs one request of this load and records it (whatever happens). */
    public Http.Response request(String kind, String detail, java.util.function.Supplier<Http.Response> call) {
        long start = System.currentTimeMillis();
        try {
            Http.Response response = call.get();
            String error = response.status() / 100 == 2 ? null : shorten(response.text());
            ledger.record(
                    new Ledger.Request(kind, start, System.currentTimeMillis(), response.status(), error, detail));
            return response;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ledger.record(new Ledger.Request(kind, start, System.currentTimeMillis(), 0,
                    cause.getClass().getSimpleName() + ": " + shorten(String.valueOf(cause.getMessage())), detail));
            return null;
        }
    }

    private Http http(User user) {
        return Http.bearer(user.token).timeout(ledger.timeout());
    }

    private void superviseListeners() {
        while (!Thread.currentThread().isInterrupted()) {
            for (Listener listener : listeners.values()) {
                listener.collect();
                if (listener.socket == null || listener.socket.closed()) {
                    listener.connect();
                }
            }
            sleep(250);
        }
    }

    /** The ids of the notifications each user's listener received, and how often. */
    public Map<String, Map<String, Integer>> delivered() {
        Map<String, Map<String, Integer>> delivered = new ConcurrentHashMap<>();
        for (Listener listener : listeners.values()) {
            listener.collect();
            delivered.put(listener.user.id, Map.copyOf(listener.ids));
        }
        return delivered;
    }

    public int reconnects() {
        return listeners.values().stream().mapToInt(l -> l.reconnects).sum();
    }

    public List<User> users() {
        return users;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (supervisor != null) {
            supervisor.interrupt();
            supervisor.join(5_000);
        }
        for (Listener listener : listeners.values()) {
            if (listener.socket != null) {
                listener.socket.close();
            }
        }
        listeners.clear();
    }

    /** One user's WebSocket, reconnected with {@code ?since=} the last id it received. */
    private final class Listener {
        final User user;
        final Map<String, Integer> ids = new ConcurrentHashMap<>();
        volatile NotificationSocket socket;
        int seen;
        String lastId;
        int reconnects;

        Listener(User user) {
            this.user = user;
        }

        synchronized void connect() {
            try {
                socket = new NotificationSocket(target.notificationSockets(), user.token, lastId);
                seen = 0;
                if (lastId != null) {
                    reconnects++;
                }
            } catch (Exception notNow) {
                socket = null; // tried again on the next round
            }
        }

        synchronized void collect() {
            if (socket == null) {
                return;
            }
            List<JsonNode> received = socket.notifications();
            for (JsonNode notification : received.subList(seen, received.size())) {
                String id = notification.path("id").asText();
                ids.merge(id, 1, Integer::sum);
                lastId = id;
            }
            seen = received.size();
        }
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
