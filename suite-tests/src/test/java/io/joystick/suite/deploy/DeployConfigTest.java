package io.joystick.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker-compose.yml and Traefik's configuration, checked statically (no Docker engine runs here) against
 * docs/architecture.md#9-deploy and against what the services really serve (their OpenAPI documents).
 */
class DeployConfigTest {

    /** The central API services, each with an OpenAPI document. */
    private static final List<String> SERVICES = List.of("auth-service", "device-service", "notification-service",
            "switcher-client", "fleet-service");
    /** Service modules that run on the devices, not in the central stack. */
    private static final Set<String> EDGE_ONLY = Set.of("telemetry-service");
    /** The browser app: every path no API router takes, and no OpenAPI document of its own. */
    private static final String CONSOLE = "console";
    /** Every centrally deployed module: the API services and the console. */
    private static final List<String> DEPLOYED = List.of("auth-service", "device-service", "notification-service",
            "switcher-client", "fleet-service", CONSOLE);
    /** Traefik routers the console's local proxy does not mirror: itself, and MediaMTX's HLS and WebRTC (no local MediaMTX). */
    private static final Set<String> NOT_PROXIED_LOCALLY =
            Set.of("console", "stream", "stream-webrtc", "stream-redirect");
    /** Traefik's forwardAuth for the streams: switcher-client's, reached inside the deployment only. */
    private static final String STREAM_ACCESS = "/internal/stream-access";
    /** WebRTC's media, the only port published besides Traefik's (docs/architecture.md#9-deploy). */
    private static final String WEBRTC_MEDIA_PORT = "8189:8189/udp";
    /** Public paths that are not in an OpenAPI document (WebSocket endpoints). */
    private static final Map<String, List<String>> EXTRA_PATHS =
            Map.of("notification-service", List.of("/notifications"),
                    "device-service", List.of("/api/terminal/{device}"));
    /** Reached at /switcher/… (docs/architecture.md#9-deploy), the prefix stripped by Traefik. */
    private static final Map<String, String> PREFIXED = Map.of("switcher-client", "/switcher");
    /** Every service serves /api/health; the public one is device-service's (docs/architecture.md#9-deploy). */
    private static final String SHARED_HEALTH = "/api/health";
    private static final Pattern SECRET_NAME = Pattern.compile("(KEY|KEYS|PASSWORD|PASS|SECRET|TOKEN)$");
    /** ${NAME}, ${NAME:?message} or ${NAME:-} (empty default): the value can only come from the environment. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{\\w+(:\\?[^}]*|:-)?}");

    private final JsonNode compose = Repository.yaml(Repository.read("docker-compose.yml"));
    private final TraefikRoutes traefik = new TraefikRoutes(Repository.read("deploy/traefik/dynamic.yml"),
            Map.of("JOYSTICK_CORS_ORIGINS", "https://app.example.com, https://ops.example.com",
                    "JOYSTICK_DOMAIN", "joystick.example.com"));

    @Test
    void everyServiceModuleIsDeployed() {
        Set<String> central = new HashSet<>(Repository.serviceModules());
        central.removeAll(EDGE_ONLY);
        assertEquals(Set.copyOf(DEPLOYED), central,
                "the root pom's service modules and the services deployed here differ");
        for (String edge : EDGE_ONLY) {
            assertFalse(compose.path("services").has(edge), edge + " runs on the devices, not in docker-compose.yml");
        }
        for (String service : DEPLOYED) {
            assertTrue(compose.path("services").has(service), service + " is missing from docker-compose.yml");
        }
    }

    @Test
    void everyPublicPathIsRoutedToTheServiceThatServesIt() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            ServiceModule module = ServiceModule.of(service);
            List<String> paths = new ArrayList<>(module.publicPaths());
            paths.addAll(EXTRA_PATHS.getOrDefault(service, List.of()));
            String prefix = PREFIXED.getOrDefault(service, "");
            for (String template : paths) {
                if (template.equals(SHARED_HEALTH) && prefix.isEmpty() && !service.equals("device-service")) {
                    continue;
                }
                String path = ServiceModule.sample(template);
                var route = traefik.route(prefix + path);
                if (route.isEmpty()) {
                    problems.add(prefix + path + " (" + service + "): no route");
                } else if (!route.get().service().equals(service) || !route.get().forwardedPath().equals(path)) {
                    problems.add(prefix + path + " (" + service + "): routed to " + route.get().service() + " as "
                            + route.get().forwardedPath());
                }
            }
        }
        assertTrue(problems.isEmpty(), "Traefik routes wrong:\n" + String.join("\n", problems));
    }

    @Test
    void routesOnlyThePathsOfDesign() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/api/collections/users/auth-with-password", "auth-service"),
                Map.entry("/api/auth/me", "auth-service"), Map.entry("/api/admin/users", "auth-service"),
                Map.entry("/.well-known/jwks.json", "auth-service"), Map.entry("/api/run/d/a", "device-service"),
                Map.entry("/api/ping/d", "device-service"), Map.entry("/api/devices", "device-service"),
                Map.entry("/api/models", "device-service"), Map.entry("/api/actions", "device-service"),
                Map.entry("/api/runs", "device-service"), Map.entry("/api/health", "device-service"),
                Map.entry("/api/action-logs", "device-service"), Map.entry("/api/devices/mode", "device-service"),
                Map.entry("/api/terminal/cam1", "device-service"),
                Map.entry("/api/fleet/positions", "fleet-service"),
                Map.entry("/api/fleet/devices/d/gps/history", "fleet-service"),
                Map.entry("/api/notifications", "notification-service"),
                Map.entry("/notifications", "notification-service"),
                Map.entry("/switcher/api/health", "switcher-client"));
        expected.forEach((path, service) -> assertEquals(service,
                traefik.route(path).map(TraefikRoutes.Route::service).orElse("nothing"), path));
        for (String page : List.of("/", "/devices/cam1", "/admin/users", "/assets/index.js")) {
            assertEquals(CONSOLE, traefik.route(page).map(TraefikRoutes.Route::service).orElse("nothing"), page);
        }
        for (String unrouted : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
            assertTrue(traefik.route(unrouted).isEmpty(),
                    unrouted + " must not be public, routed to " + traefik.route(unrouted));
        }
        // Everything else no API router takes is the console's (its SPA answers index.html), never a service's.
        for (String internal : List.of("/swagger", "/api/healthz", "/api/gps", "/api/telemetry", "/api/revocations",
                "/switcher/q/metrics",
                "/switcher/q/health", "/switcher/q/openapi", "/switcher/swagger", "/switcher" + STREAM_ACCESS,
                STREAM_ACCESS)) {
            assertEquals(CONSOLE, traefik.route(internal).map(TraefikRoutes.Route::service).orElse(CONSOLE),
                    internal + " must not reach a service");
        }
    }

    /**
     * The console's local proxy (console/src/main/resources/routes.yaml) routes exactly as Traefik does, so the
     * browser app meets the same paths locally and in production.
     */
    @Test
    @SuppressWarnings("unchecked")
    void consoleProxyRoutesAsTraefikDoes() {
        Map<String, Object> table =
                new org.yaml.snakeyaml.Yaml().load(Repository.read("console/src/main/resources/routes.yaml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) table.get("services");
        List<String> problems = new ArrayList<>();
        Set<String> proxied = new HashSet<>();
        Map<String, String> proxiedPrefixes = new java.util.HashMap<>();
        services.forEach((service, entry) -> {
            ((List<String>) entry.getOrDefault("prefixes", List.of()))
                    .forEach(prefix -> proxiedPrefixes.put(prefix, service));
            String strip = (String) entry.get("strip");
            for (String kind : List.of("prefixes", "paths")) {
                for (String value : (List<String>) entry.getOrDefault(kind, List.of())) {
                    proxied.add((kind.equals("paths") ? "Path:" : "PathPrefix:") + value);
                    String path = kind.equals("paths") ? value : value + (value.endsWith("/") ? "x1" : "/x1");
                    String forwarded = strip != null && path.startsWith(strip) ? path.substring(strip.length()) : path;
                    var route = traefik.route(path);
                    if (route.isEmpty() || !route.get().service().equals(service)
                            || !route.get().forwardedPath().equals(forwarded)) {
                        problems.add(path + ": console sends it to " + service + " as " + forwarded + ", Traefik "
                                + route.map(r -> "to " + r.service() + " as " + r.forwardedPath()).orElse("nowhere"));
                    }
                }
            }
        });
        for (String router : traefik.routerNames()) {
            if (!NOT_PROXIED_LOCALLY.contains(router)) {
                String service = traefik.document.path("http").path("routers").path(router).path("service").asText();
                for (String matcher : traefik.matchers(router)) {
                    String value = matcher.substring(matcher.indexOf(':') + 1);
                    // a narrower Traefik router (rate limits, allow-lists) inside a prefix the console proxies alike
                    boolean covered = proxiedPrefixes.entrySet().stream()
                            .anyMatch(p -> value.startsWith(p.getKey()) && p.getValue().equals(service));
                    if (!proxied.contains(matcher) && !covered) {
                        problems.add("Traefik router " + router + " routes " + matcher + "; routes.yaml does not");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(),
                "routes.yaml and deploy/traefik/dynamic.yml differ:\n" + String.join("\n", problems));
    }

    @Test
    void traefikForwardsToEachServiceOnItsOwnPort() {
        for (String service : DEPLOYED) {
            URI url = URI.create(traefik.serverUrl(service));
            JsonNode composed = compose.path("services").path(service);
            String networkMode = composed.path("network_mode").asText("");
            String host = networkMode.startsWith("service:") ? networkMode.substring("service:".length()) : service;
            assertEquals(host, url.getHost(), service);
            assertEquals(ServiceModule.of(service).port(), url.getPort(), service);
        }
    }

    @Test
    void onlyTraefikPublishesPortsAndOnly80And443AndMqttOverTlsBesidesWebRtcMedia() {
        compose.path("services").fields().forEachRemaining(entry -> {
            JsonNode ports = entry.getValue().path("ports");
            if (entry.getKey().equals("traefik")) {
                Set<String> published = new HashSet<>();
                ports.forEach(p -> published.add(p.asText()));
                assertEquals(Set.of("80:80", "443:443", "8883:8883"), published);
            } else if (entry.getKey().equals("mediamtx")) {
                assertEquals(List.of(WEBRTC_MEDIA_PORT), texts(ports), "MediaMTX publishes WebRTC's media port only");
            } else {
                assertTrue(ports.isMissingNode() || ports.isEmpty(), entry.getKey() + " publishes " + ports);
                assertTrue(entry.getValue().path("network_mode").asText("").matches("|none|service:.*"),
                        entry.getKey() + " must not use the host network");
            }
        });
    }

    @Test
    void httpRedirectsToHttpsAndRoutesListenOnHttpsOnly() {
        List<String> command = texts(compose.path("services").path("traefik").path("command"));
        assertTrue(command.contains("--entrypoints.web.address=:80"));
        assertTrue(command.contains("--entrypoints.web.http.redirections.entrypoint.to=websecure"));
        assertTrue(command.contains("--entrypoints.web.http.redirections.entrypoint.scheme=https"));
        assertTrue(command.contains("--entrypoints.websecure.address=:443"));
        assertTrue(command.stream().anyMatch(c -> c.startsWith("--certificatesresolvers.letsencrypt.acme.")),
                "ACME resolver");
        assertTrue(command.contains("--entrypoints.websecure.http.tls.certresolver=letsencrypt"));
        for (String router : traefik.routerNames()) {
            assertEquals(List.of("websecure"), traefik.entryPoints(router), router);
            assertTrue(traefik.middlewares(router).contains("cors"), router + " without the CORS middleware");
        }
    }

    @Test
    void dashboardIsNotPublished() {
        List<String> command = texts(compose.path("services").path("traefik").path("command"));
        assertTrue(command.contains("--api.dashboard=false"));
        assertFalse(command.stream().anyMatch(c -> c.startsWith("--api.insecure") || c.equals("--api=true")),
                command.toString());
        assertFalse(
                traefik.routerNames().stream().anyMatch(r -> r.contains("dashboard") || r.contains("api@internal")));
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        JsonNode cors = traefik.document.path("http").path("middlewares").path("cors").path("headers");
        assertEquals(List.of("https://app.example.com", "https://ops.example.com"),
                texts(cors.path("accessControlAllowOriginList")));
        assertFalse(cors.path("accessControlAllowCredentials").asBoolean(),
                "credentials travel in headers, not cookies");
        assertFalse(Repository.read("deploy/traefik/dynamic.yml").contains("\"*\""), "no wildcard origin");
        assertTrue(compose.path("services").path("traefik").path("environment").path("JOYSTICK_CORS_ORIGINS").asText()
                .startsWith("${JOYSTICK_CORS_ORIGINS"), "Traefik takes the origins from .env");
    }

    @Test
    void everyServiceContainerIsHardened() {
        for (String name : DEPLOYED) {
            JsonNode service = compose.path("services").path(name);
            assertTrue(service.path("read_only").asBoolean(), name + ": read_only");
            String user = service.path("user").asText("");
            assertFalse(user.isEmpty() || user.startsWith("0") || user.startsWith("root"),
                    name + ": non-root user, was '" + user + "'");
            assertFalse(service.path("tmpfs").isEmpty(), name + ": a tmpfs for the read-only root");
            assertEquals(List.of("ALL"), texts(service.path("cap_drop")), name + ": cap_drop");
            assertTrue(texts(service.path("security_opt")).contains("no-new-privileges:true"),
                    name + ": no-new-privileges");
            JsonNode limits = service.path("deploy").path("resources").path("limits");
            assertFalse(limits.path("cpus").asText("").isEmpty(), name + ": CPU limit");
            assertFalse(limits.path("memory").asText("").isEmpty(), name + ": memory limit");
            List<String> health = texts(service.path("healthcheck").path("test"));
            assertTrue(
                    health.stream().anyMatch(t -> t.contains(":" + ServiceModule.of(name).port() + "/q/health/ready")),
                    name + ": health check on its readiness endpoint, was " + health);
        }
        for (String infrastructure : List.of("traefik", "postgres", "mediamtx", "mosquitto")) {
            JsonNode service = compose.path("services").path(infrastructure);
            assertTrue(service.path("read_only").asBoolean(), infrastructure + ": read_only");
            assertFalse(service.path("healthcheck").path("test").isEmpty(), infrastructure + ": health check");
            assertFalse(service.path("deploy").path("resources").path("limits").path("memory").isMissingNode(),
                    infrastructure + ": limits");
        }
    }

    @Test
    void databasesAreOnlyOnTheInternalNetwork() {
        assertTrue(compose.path("networks").path("backend").path("internal").asBoolean());
        assertEquals(List.of("backend"), texts(compose.path("services").path("postgres").path("networks")));
    }

    @Test
    void eachDatabaseServiceHasItsOwnDatabaseAndRole() {
        String init = Repository.read("deploy/postgres/init-databases.sh");
        Set<String> databases = new HashSet<>();
        compose.path("services").fields().forEachRemaining(entry -> {
            JsonNode env = entry.getValue().path("environment");
            if (env.has("QUARKUS_DATASOURCE_JDBC_URL")) {
                String url = env.path("QUARKUS_DATASOURCE_JDBC_URL").asText();
                String database = url.substring(url.lastIndexOf('/') + 1);
                assertTrue(databases.add(database), database + " shared by two services");
                assertEquals(database, env.path("QUARKUS_DATASOURCE_USERNAME").asText(),
                        entry.getKey() + ": its own role");
                assertTrue(init.contains("\ncreate " + database + " "),
                        "init-databases.sh does not create " + database);
                assertEquals("postgresql", entry.getValue().path("build").path("args").path("DB_KIND").asText(),
                        entry.getKey() + ": built for PostgreSQL (db-kind is build-time)");
            }
        });
        assertEquals(Set.of("auth", "device", "notification", "fleet"), databases);
    }

    @Test
    void noCommittedFileGivesASecretAValue() {
        List<String> problems = new ArrayList<>();
        for (String line : Repository.read(".env.example").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.split("=", 2);
                if (SECRET_NAME.matcher(kv[0]).find() && kv.length > 1 && !kv[1].isEmpty()) {
                    problems.add(".env.example: " + kv[0] + " has a value");
                }
            }
        }
        compose.path("services").fields().forEachRemaining(service -> service.getValue().path("environment").fields()
                .forEachRemaining(env -> {
                    if (SECRET_NAME.matcher(env.getKey()).find()) {
                        Matcher m = INTERPOLATION.matcher(env.getValue().asText());
                        if (!m.matches()) {
                            problems.add("docker-compose.yml: " + service.getKey() + "." + env.getKey() + " = "
                                    + env.getValue().asText() + " is not taken from .env");
                        }
                    }
                }));
        JsonNode mediamtx = Repository.yaml(Repository.read("deploy/mediamtx/mediamtx.yml"));
        mediamtx.path("authInternalUsers").forEach(user -> {
            if (!user.path("pass").asText().isEmpty()) {
                problems.add("mediamtx.yml: user " + user.path("user").asText() + " has a password");
            }
        });
        assertTrue(Repository.read(".gitignore").lines().anyMatch(".env"::equals), ".env must be git-ignored");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void devicesReachTheBrokerOnlyOverTlsThroughTraefik() {
        List<String> command = texts(compose.path("services").path("traefik").path("command"));
        assertTrue(command.contains("--entrypoints.mqtts.address=:8883"), command.toString());
        JsonNode tcp = traefik.document.path("tcp");
        JsonNode router = tcp.path("routers").path("mqtt");
        assertEquals(List.of("mqtts"), texts(router.path("entryPoints")));
        assertEquals("HostSNI(`joystick.example.com`)", router.path("rule").asText(), "only the suite's own name");
        assertEquals("letsencrypt", router.path("tls").path("certResolver").asText(), "the suite's certificate");
        assertEquals("mosquitto:1883", tcp.path("services").path("mosquitto").path("loadBalancer").path("servers")
                .path(0).path("address").asText());
        String conf = Repository.read("deploy/mosquitto/mosquitto.conf");
        assertTrue(conf.lines().anyMatch("allow_anonymous false"::equals), "no anonymous clients");
        assertTrue(conf.contains("mosquitto_dynamic_security.so"), "per-device accounts (dynamic security)");
        assertTrue(
                compose.path("services").path("mosquitto").path("image").asText()
                        .matches("eclipse-mosquitto:2\\.0\\.\\d+"),
                "a pinned Mosquitto 2.0.x");
        assertEquals("mqtt://mosquitto:1883", compose.path("services").path("fleet-service").path("environment")
                .path("JOYSTICK_MQTT_URL").asText());
        assertTrue(compose.path("services").path("traefik").path("environment").path("JOYSTICK_DOMAIN").asText()
                .startsWith("${JOYSTICK_DOMAIN"), "Traefik takes the MQTT host name from .env");
    }

    @Test
    void mediamtxApiIsReachedByTheSwitcherAloneOnAnInternalNetwork() {
        JsonNode mediamtx = Repository.yaml(Repository.read("deploy/mediamtx/mediamtx.yml"));
        JsonNode services = compose.path("services");
        assertEquals("internal", mediamtx.path("authMethod").asText());
        assertTrue(compose.path("networks").path("media-api").path("internal").asBoolean(),
                "media-api has no route out");
        String mediamtxAddress =
                services.path("mediamtx").path("networks").path("media-api").path("ipv4_address").asText();
        String switcherAddress =
                services.path("switcher-client").path("networks").path("media-api").path("ipv4_address").asText();
        assertFalse(mediamtxAddress.isEmpty() || switcherAddress.isEmpty(), "fixed addresses on media-api");
        assertTrue(mediamtx.path("apiAddress").asText().startsWith(mediamtxAddress + ":"),
                "the API listens on the media-api address only, not on edge: " + mediamtx.path("apiAddress").asText());
        assertTrue(mediamtx.path("metricsAddress").asText().startsWith("127.0.0.1:"), "metrics on loopback only");
        for (JsonNode user : mediamtx.path("authInternalUsers")) {
            boolean api = false;
            for (JsonNode permission : user.path("permissions")) {
                api |= permission.path("action").asText().equals("api");
            }
            if (api) {
                assertEquals(List.of(switcherAddress + "/32"), texts(user.path("ips")),
                        "the API user is the switcher's");
                assertFalse(user.path("user").asText().equals("any"), "the API needs a named user");
            }
        }
        assertEquals("http://" + mediamtxAddress + ":9997", services.path("switcher-client").path("environment")
                .path("JOYSTICK_MEDIAMTX_URL").asText());
        List<String> onMediaApi = new ArrayList<>();
        services.fields().forEachRemaining(e -> {
            if (networks(e.getValue()).contains("media-api")) {
                onMediaApi.add(e.getKey());
            }
        });
        assertEquals(Set.of("mediamtx", "switcher-client"), Set.copyOf(onMediaApi));
        // its own network stack: a MediaMTX restart leaves it untouched, and its readiness asks MediaMTX itself
        assertTrue(services.path("switcher-client").path("network_mode").isMissingNode(),
                "no shared network namespace");
        assertEquals("service_healthy",
                services.path("switcher-client").path("depends_on").path("mediamtx").path("condition").asText());
    }

    @Test
    void streamsPassSwitcherClientsForwardAuthFirst() {
        assertEquals("mediamtx-hls", traefik.route("/stream/cam1/index.m3u8").orElseThrow().service());
        assertEquals("/cam1/index.m3u8", traefik.route("/stream/cam1/index.m3u8").orElseThrow().forwardedPath());
        assertEquals("mediamtx-hls", traefik.route("/stream/cam1/seg3.mp4").orElseThrow().service());
        for (String whep : List.of("/stream/cam1/whep", "/stream/cam1/whep/0b7c-session")) {
            assertEquals("mediamtx-webrtc", traefik.route(whep).orElseThrow().service(), whep);
            assertEquals(whep.substring("/stream".length()), traefik.route(whep).orElseThrow().forwardedPath(), whep);
        }
        JsonNode middlewares = traefik.document.path("http").path("middlewares");
        JsonNode forwardAuth = middlewares.path("stream-access").path("forwardAuth");
        URI switcher = URI.create(traefik.serverUrl("switcher-client"));
        assertEquals(switcher.resolve(STREAM_ACCESS).toString(), forwardAuth.path("address").asText(),
                "the forwardAuth asks switcher-client, inside the deployment");
        assertFalse(forwardAuth.path("trustForwardHeader").asBoolean(), "Traefik sets X-Forwarded-Uri itself");
        assertTrue(texts(forwardAuth.path("authRequestHeaders")).containsAll(List.of("Authorization", "Cookie")),
                "the Bearer token and the session cookie reach the check");
        for (String router : List.of("stream", "stream-webrtc")) {
            List<String> chain = traefik.middlewares(router);
            assertTrue(chain.contains("stream-access"), router + " without the forwardAuth");
            assertTrue(chain.indexOf("stream-access") < chain.indexOf("strip-stream"),
                    router + ": the forwardAuth must see the /stream/ address, before the prefix is stripped");
            assertTrue(chain.contains("stream-no-credentials"), router + " passes the user's credentials to MediaMTX");
        }
        JsonNode removed = middlewares.path("stream-no-credentials").path("headers").path("customRequestHeaders");
        assertEquals("", removed.path("Authorization").asText("x"));
        assertEquals("", removed.path("Cookie").asText("x"));
    }

    @Test
    void nothingButTraefiksStreamRoutesReachesMediaMtx() {
        // Traefik: every router to a MediaMTX port is a stream router behind the forwardAuth
        for (String router : traefik.routerNames()) {
            String service = traefik.document.path("http").path("routers").path(router).path("service").asText();
            if (service.endsWith("@internal")) {
                continue; // Traefik answers itself (a redirect)
            }
            URI server = URI.create(traefik.serverUrl(service));
            if (server.getHost().equals("mediamtx") && !service.equals("switcher-client")) {
                assertTrue(traefik.middlewares(router).contains("stream-access"),
                        router + " reaches MediaMTX without the forwardAuth");
            }
        }
        // MediaMTX: reads from Traefik's fixed address only, publishing for nobody, no server but HLS and WebRTC
        JsonNode mediamtx = Repository.yaml(Repository.read("deploy/mediamtx/mediamtx.yml"));
        JsonNode traefikNet = compose.path("services").path("traefik").path("networks");
        String traefikAddress = traefikNet.path("edge").path("ipv4_address").asText();
        assertEquals(1, traefikNet.size(), "Traefik on the edge network only, so MediaMTX sees it at that one address");
        String subnet =
                compose.path("networks").path("edge").path("ipam").path("config").path(0).path("subnet").asText();
        assertTrue(
                subnet.endsWith("/24") && traefikAddress.startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1)),
                traefikAddress + " in " + subnet);
        for (JsonNode user : mediamtx.path("authInternalUsers")) {
            List<String> actions = new ArrayList<>();
            user.path("permissions").forEach(p -> actions.add(p.path("action").asText()));
            assertFalse(actions.contains("publish"), "nobody publishes to MediaMTX: it pulls the devices' streams");
            assertFalse(actions.contains("playback"), "no recordings to play back");
            if (actions.contains("read")) {
                assertEquals(List.of(traefikAddress + "/32"), texts(user.path("ips")), "reads come from Traefik only");
            }
        }
        assertTrue(user(mediamtx, "read"), "somebody (Traefik) may read");
        for (String server : List.of("rtsp", "rtmp", "srt", "playback", "pprof")) {
            assertTrue(off(mediamtx.path(server)), server + " must be off");
        }
        for (String proxies : List.of("hlsTrustedProxies", "webrtcTrustedProxies")) {
            assertTrue(mediamtx.path(proxies).isArray() && mediamtx.path(proxies).isEmpty(),
                    proxies + ": X-Forwarded-For is never believed, the address checked is Traefik's");
        }
        assertEquals(":" + WEBRTC_MEDIA_PORT.substring(0, WEBRTC_MEDIA_PORT.indexOf(':')),
                mediamtx.path("webrtcLocalUDPAddress").asText(), "the published port is WebRTC's media port");
        assertTrue(mediamtx.path("webrtcLocalTCPAddress").asText().isEmpty(),
                "no WebRTC over TCP: the port is not published");
        // the viewers' shared login is gone
        compose.path("services").path("mediamtx").path("environment").fieldNames()
                .forEachRemaining(name -> assertFalse(name.startsWith("MTX_AUTHINTERNALUSERS_1"),
                        name + ": viewers have no MediaMTX credentials"));
    }

    private static boolean user(JsonNode mediamtx, String action) {
        for (JsonNode user : mediamtx.path("authInternalUsers")) {
            for (JsonNode permission : user.path("permissions")) {
                if (permission.path("action").asText().equals(action)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** MediaMTX's {@code no} (YAML 1.1 reads it as false; a missing key is the server's default, on). */
    private static boolean off(JsonNode node) {
        return node.isBoolean() ? !node.asBoolean() : node.asText().equals("no");
    }

    @Test
    void servicesAreNotAskedToTrustForwardedHeadersFromAnyone() {
        for (String name : SERVICES) {
            JsonNode env = compose.path("services").path(name).path("environment");
            if (env.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asBoolean()) {
                assertEquals("traefik", env.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText(), name);
            }
        }
    }

    @Test
    void everyRouterAnswersForTheSuitesHostOnlyWithStrictModernTls() {
        for (String router : traefik.routerNames()) {
            assertEquals("joystick.example.com", traefik.host(router), router + ": Host(JOYSTICK_DOMAIN)");
        }
        JsonNode options = traefik.document.path("tls").path("options").path("default");
        assertEquals("VersionTLS12", options.path("minVersion").asText(), "TLS 1.2 at least");
        assertTrue(options.path("sniStrict").asBoolean(), "no handshake for a name that is not ours");
        assertTrue(texts(compose.path("services").path("traefik").path("command"))
                .contains("--entrypoints.websecure.http.tls.options=default"));
    }

    @Test
    void loginsSessionsAndRunsAreRateLimitedPerClient() {
        for (String path : List.of("/api/collections/users/auth-with-password", "/api/collections/users/auth-refresh",
                "/api/auth/session", "/api/auth/session/refresh", "/api/auth/refresh", "/api/run/cam1/reboot")) {
            TraefikRoutes.Route route = traefik.route(path).orElseThrow();
            assertTrue(traefik.middlewares(route.router()).stream().anyMatch(m -> middleware(m).has("rateLimit")),
                    path + " is not rate-limited (router " + route.router() + ")");
            assertEquals(path.startsWith("/api/run/") ? "device-service" : "auth-service", route.service(), path);
        }
        for (String path : List.of("/api/devices", "/api/runs", "/api/auth/me", "/api/fleet/positions")) {
            TraefikRoutes.Route route = traefik.route(path).orElseThrow();
            assertFalse(traefik.middlewares(route.router()).stream().anyMatch(m -> middleware(m).has("rateLimit")),
                    path + " needs no rate limit");
        }
    }

    @Test
    void adminApiHonoursTheOptionalAllowList() {
        String router = traefik.route("/api/admin/users").orElseThrow().router();
        assertEquals("auth-service", traefik.route("/api/admin/users").orElseThrow().service());
        String allowList =
                traefik.middlewares(router).stream().filter(m -> middleware(m).has("ipAllowList")).findFirst()
                        .orElseThrow(() -> new AssertionError("/api/admin without an ipAllowList"));
        assertEquals(List.of("0.0.0.0/0", "::/0"), texts(middleware(allowList).path("ipAllowList").path("sourceRange")),
                "unset: every address may try");
        TraefikRoutes restricted = new TraefikRoutes(Repository.read("deploy/traefik/dynamic.yml"),
                Map.of("JOYSTICK_CORS_ORIGINS", "https://app.example.com", "JOYSTICK_DOMAIN", "joystick.example.com",
                        "JOYSTICK_ADMIN_ALLOW_IPS", "10.8.0.0/24, 192.0.2.7"));
        assertEquals(List.of("10.8.0.0/24", "192.0.2.7"), texts(restricted.document.path("http").path("middlewares")
                .path(allowList).path("ipAllowList").path("sourceRange")));
        assertEquals("${JOYSTICK_ADMIN_ALLOW_IPS:-}", compose.path("services").path("traefik").path("environment")
                .path("JOYSTICK_ADMIN_ALLOW_IPS").asText());
    }

    @Test
    void corsLetsTheBrowserAppReadRetryAfterAndWwwAuthenticate() {
        JsonNode cors = middleware("cors").path("headers");
        assertTrue(
                texts(cors.path("accessControlExposeHeaders")).containsAll(List.of("Retry-After", "WWW-Authenticate")),
                cors.toString());
    }

    @Test
    void aStreamAddressWithoutItsSlashIsRedirectedNotSentToTheConsole() {
        TraefikRoutes.Route route = traefik.route("/stream/cam1").orElseThrow();
        assertEquals("noop@internal", route.service());
        JsonNode redirect = traefik.middlewares(route.router()).stream().map(this::middleware)
                .filter(m -> m.has("redirectRegex")).findFirst().orElseThrow().path("redirectRegex");
        // Go's ${1} is Java's $1
        String replacement = redirect.path("replacement").asText().replaceAll("\\$\\{(\\d)}", "\\$$1");
        assertEquals("https://joystick.example.com/stream/cam1/?token=x",
                Pattern.compile(redirect.path("regex").asText())
                        .matcher("https://joystick.example.com/stream/cam1?token=x").replaceAll(replacement));
        assertEquals("https://joystick.example.com/stream/cam1/", Pattern.compile(redirect.path("regex").asText())
                .matcher("https://joystick.example.com/stream/cam1").replaceAll(replacement));
        assertEquals("mediamtx-hls", traefik.route("/stream/cam1/").orElseThrow().service());
    }

    @Test
    void thirdPartyImagesArePinnedToExactVersions() {
        // PostgreSQL's versions have two parts (16.13), the others three
        Pattern exact = Pattern.compile("[\\w./-]+:v?\\d+\\.\\d+(\\.\\d+)?(-[\\w.]+)?");
        compose.path("services").fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            if (!image.startsWith("joystick/")) {
                assertTrue(exact.matcher(image).matches(), e.getKey() + ": " + image + " is not an exact version");
            }
        });
        JsonNode services = compose.path("services");
        assertTrue(services.path("traefik").path("image").asText().matches("traefik:v3\\.\\d+\\.\\d+"));
        assertTrue(
                services.path("mediamtx").path("image").asText().matches("bluenviron/mediamtx:1\\.\\d+\\.\\d+-ffmpeg"));
        for (String postgres : List.of("postgres", "backup", "backup-init")) {
            assertEquals(services.path("postgres").path("image").asText(),
                    services.path(postgres).path("image").asText(),
                    postgres + ": the server's own pg_dump");
        }
        for (String broker : List.of("mosquitto", "mosquitto-init")) {
            assertTrue(services.path(broker).path("image").asText().matches("eclipse-mosquitto:2\\.0\\.\\d+"), broker);
        }
        JsonNode mediamtx = Repository.yaml(Repository.read("deploy/mediamtx/mediamtx.yml"));
        assertTrue(off(mediamtx.path("moq")), "MoQ is not used: its server must be off");
    }

    @Test
    void javaHeapsLeaveRoomBelowTheMemoryLimit() {
        for (String name : DEPLOYED) {
            JsonNode env = compose.path("services").path(name).path("environment");
            int ratio = env.path("JAVA_MAX_MEM_RATIO").asInt(0);
            assertTrue(ratio >= 50 && ratio <= 60, name + ": heap at 50-60 % of the limit, was " + ratio);
            assertFalse(env.path("JAVA_OPTS_APPEND").asText().contains("MaxRAMPercentage"),
                    name + " overrides the ratio");
        }
    }

    @Test
    void everyContainerRotatesItsLogAndDropsItsCapabilities() {
        Map<String, Set<String>> added =
                Map.of("traefik", Set.of("NET_BIND_SERVICE"), "backup-init", Set.of("CHOWN", "FOWNER"));
        compose.path("services").fields().forEachRemaining(e -> {
            JsonNode logging = e.getValue().path("logging");
            assertEquals("json-file", logging.path("driver").asText(), e.getKey());
            assertFalse(logging.path("options").path("max-size").asText().isEmpty(), e.getKey() + ": log max-size");
            assertFalse(logging.path("options").path("max-file").asText().isEmpty(), e.getKey() + ": log max-file");
            assertEquals(List.of("ALL"), texts(e.getValue().path("cap_drop")), e.getKey() + ": cap_drop");
            assertEquals(added.getOrDefault(e.getKey(), Set.of()), Set.copyOf(texts(e.getValue().path("cap_add"))),
                    e.getKey());
        });
    }

    @Test
    void deviceServiceReapsItsChildrenAndPostgresIsCheckedOverTcp() {
        assertTrue(compose.path("services").path("device-service").path("init").asBoolean(),
                "device-service: init: true");
        assertEquals(List.of("CMD", "pg_isready", "-h", "127.0.0.1", "-U", "postgres"),
                texts(compose.path("services").path("postgres").path("healthcheck").path("test")));
    }

    @Test
    void secretsReachOnlyTheServicesThatUseThem() {
        Map<String, Set<String>> users = Map.of(
                "JOYSTICK_SECRET_KEY", Set.of("auth-service", "device-service"),
                "POSTGRES_PASSWORD", Set.of("postgres", "backup"),
                "AUTH_DB_PASSWORD", Set.of("postgres", "auth-service"),
                "DEVICE_DB_PASSWORD", Set.of("postgres", "device-service"),
                "NOTIFICATION_DB_PASSWORD", Set.of("postgres", "notification-service"),
                "FLEET_DB_PASSWORD", Set.of("postgres", "fleet-service"),
                "MEDIAMTX_API_PASSWORD", Set.of("mediamtx", "switcher-client"),
                "JOYSTICK_MQTT_ADMIN_PASSWORD", Set.of("mosquitto-init", "fleet-service"),
                "JOYSTICK_ADMIN_PASSWORD", Set.of("auth-service"));
        users.forEach((secret, expected) -> {
            Set<String> given = new HashSet<>();
            compose.path("services").fields().forEachRemaining(e -> e.getValue().path("environment").fields()
                    .forEachRemaining(env -> {
                        if (env.getValue().asText().matches(".*\\$\\{" + secret + "[:}].*")) {
                            given.add(e.getKey());
                        }
                    }));
            assertEquals(expected, given, secret + " is given to");
        });
    }

    @Test
    void eachContainerIsOnTheNetworksItNeedsOnly() {
        Map<String, Set<String>> expected = Map.ofEntries(Map.entry("traefik", Set.of("edge")),
                Map.entry("postgres", Set.of("backend")), Map.entry("mediamtx", Set.of("edge", "media-api")),
                Map.entry("auth-service", Set.of("edge", "backend")),
                Map.entry("device-service", Set.of("edge", "backend")),
                Map.entry("notification-service", Set.of("edge", "backend")),
                Map.entry("fleet-service", Set.of("edge", "backend")),
                Map.entry("console", Set.of("edge")), Map.entry("switcher-client", Set.of("edge", "media-api")),
                Map.entry("mosquitto-init", Set.of("backend")), Map.entry("mosquitto", Set.of("edge", "backend")),
                Map.entry("backup", Set.of("backend")), Map.entry("backup-init", Set.of()));
        compose.path("services").fields().forEachRemaining(e -> assertEquals(expected.get(e.getKey()),
                Set.copyOf(networks(e.getValue())), e.getKey() + "'s networks"));
        assertEquals("none", compose.path("services").path("backup-init").path("network_mode").asText());
    }

    @Test
    void nativeLibrariesUnpackToAnExecTmpfsOnlyWhereTheyAreLoaded() {
        compose.path("services").fields().forEachRemaining(e -> {
            List<String> exec = texts(e.getValue().path("tmpfs")).stream()
                    .filter(t -> List.of(t.substring(t.indexOf(':') + 1).split(",")).contains("exec")).toList();
            if (e.getKey().equals("auth-service")) {
                assertEquals(1, exec.size(), "auth-service: one exec tmpfs for argon2-jvm's library, was " + exec);
                String dir = exec.get(0).substring(0, exec.get(0).indexOf(':'));
                assertTrue(
                        e.getValue().path("environment").path("JAVA_OPTS_APPEND").asText()
                                .contains("-Djna.tmpdir=" + dir + "/"),
                        "JNA unpacks into " + dir);
                assertTrue(
                        texts(e.getValue().path("tmpfs")).stream()
                                .anyMatch(t -> t.startsWith("/tmp:") && !t.contains("exec")),
                        "/tmp stays noexec");
            } else {
                assertTrue(exec.isEmpty(), e.getKey() + " loads no native code: no exec tmpfs, was " + exec);
            }
        });
        String dockerfile = Repository.read("deploy/docker/Dockerfile.native");
        assertTrue(dockerfile.contains("\"-Djava.io.tmpdir=/native\""),
                "telemetry's jSerialComm unpacks under /native");
        assertTrue(dockerfile.contains("--tmpfs /native:exec"), "the documented docker run mounts /native with exec");
    }

    @Test
    void theBrokerLetsFleetServiceHoldAWholeBatchUnacknowledged() throws Exception {
        // fleet-service acknowledges after each commit; a small window caps ingest (fleet-service/README.md)
        assertTrue(Repository.read("deploy/mosquitto/mosquitto.conf").lines()
                .anyMatch(l -> l.equals("max_inflight_messages 1000")));
    }

    @Test
    void everyImageListensOnAllInterfacesInsideItsContainer() throws Exception {
        // Outside a container the services listen on 127.0.0.1 only; Traefik must still reach them in one.
        for (String image : List.of("Dockerfile.jvm", "Dockerfile.console")) {
            assertTrue(Repository.read("deploy/docker/" + image).contains("QUARKUS_HTTP_HOST=0.0.0.0"), image);
        }
        assertTrue(Repository.read("deploy/docker/Dockerfile.native").contains("-Dquarkus.http.host=0.0.0.0"));
    }

    @Test
    void nativeTelemetryImageBuildsWithTheNativeProfileOnAMatchingRuntime() throws Exception {
        String dockerfile = Repository.read("deploy/docker/Dockerfile.native");
        assertTrue(dockerfile.contains("-Dnative"), "the build asks for the native profile");
        List<String> froms = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertTrue(froms.get(0).contains("/ubi9-quarkus-mandrel-builder-image:"), froms.get(0));
        assertTrue(froms.get(1).contains("/ubi9-quarkus-micro-image:"),
                "a UBI 9 runtime for a UBI 9 build: " + froms.get(1));

        var pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Repository.root().resolve("pom.xml").toFile());
        var xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        String profile = "/project/profiles/profile[id='native']";
        assertEquals("native", xpath.evaluate(profile + "/activation/property/name", pom), "-Dnative activates it");
        assertEquals("true", xpath.evaluate(profile + "/properties/*[local-name()='quarkus.native.enabled']", pom));
    }

    @Test
    void buildContextLeavesKeysDataAndBuildOutputBehind() {
        List<String> ignored = Repository.read(".dockerignore").lines().map(String::trim).toList();
        for (String entry : List.of(".git", ".env", "data/", "backups/", "**/target/", ".mvn/maven.config")) {
            assertTrue(ignored.contains(entry), ".dockerignore lacks " + entry);
        }
        List<String> gitIgnored = Repository.read(".gitignore").lines().toList();
        for (String entry : List.of("backups/", "data.old/", ".env", "data/")) {
            assertTrue(gitIgnored.contains(entry), ".gitignore lacks " + entry);
        }
    }

    @Test
    void backupsRunOnScheduleIntoADirectoryTheyOwnAndFailuresShowInTheHealth() {
        JsonNode backup = compose.path("services").path("backup");
        JsonNode init = compose.path("services").path("backup-init");
        assertTrue(backup.path("profiles").isMissingNode(), "started by up: backups are automatic");
        assertEquals("service_completed_successfully",
                backup.path("depends_on").path("backup-init").path("condition").asText());
        assertTrue(texts(init.path("entrypoint")).stream().anyMatch(c -> c.contains("chown 70:70 /backups")),
                "the backup directory belongs to the backup's uid");
        assertEquals("70:70", backup.path("user").asText());
        assertEquals(texts(init.path("volumes")),
                texts(backup.path("volumes")).stream().filter(v -> v.endsWith(":/backups")).toList());
        assertEquals(List.of("CMD", "sh", "/deploy/backup-schedule.sh", "--check"),
                texts(backup.path("healthcheck").path("test")));
        assertEquals("${BACKUP_KEEP:-14}", backup.path("environment").path("BACKUP_KEEP").asText());
    }

    private JsonNode middleware(String name) {
        return traefik.document.path("http").path("middlewares").path(name);
    }

    /** A service's networks, whether listed or given as a map with settings. */
    private static List<String> networks(JsonNode service) {
        JsonNode networks = service.path("networks");
        List<String> names = new ArrayList<>();
        if (networks.isArray()) {
            networks.forEach(n -> names.add(n.asText()));
        } else {
            networks.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
