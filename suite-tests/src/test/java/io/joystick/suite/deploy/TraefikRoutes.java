package io.joystick.suite.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Traefik's dynamic configuration (deploy/traefik/dynamic.yml) rendered and evaluated as Traefik does for the
 * rules it uses: every rule {@code Host(`name`) && (…)} (the host is kept, see {@link #host}), and inside it
 * {@code Path} (exact), {@code PathPrefix} (string prefix) and {@code PathRegexp} (a regular
 * expression found in the path; the file's are plain enough to mean the same in Go and Java), each possibly negated with
 * {@code !}, joined by {@code &&} and {@code ||}; the highest priority wins, and a router's priority is its
 * {@code priority} or else the length of its rule.
 */
final class TraefikRoutes {

    /** The template constructs the file uses: an environment variable, and a list from a comma-separated one. */
    private static final Pattern ENV = Pattern.compile("\\{\\{ env \"(\\w+)\" }}");
    private static final Pattern RANGE = Pattern.compile(
            "\\{\\{- range \\$(\\w+) := splitList \"(.)\" \\(env \"(\\w+)\"(?: \\| default \"([^\"]*)\")?\\) }}\\n(.*?)\\n\\{\\{- end }}",
            Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile("Host\\(`([^`]*)`\\) && \\((.*)\\)");
    private static final Pattern MATCHER = Pattern.compile("(!?)(Path|PathPrefix|PathRegexp)\\(`([^`]*)`\\)");

    record Route(String router, String service, String forwardedPath) {
    }

    record PathMatcher(boolean negated, String kind, String value) {
        boolean matches(String path) {
            boolean hit = switch (kind) {
                case "Path" -> path.equals(value);
                case "PathRegexp" -> Pattern.compile(value).matcher(path).find();
                default -> path.startsWith(value);
            };
            return hit != negated;
        }
    }

    /** Terms joined by {@code &&}. */
    record Alternative(List<PathMatcher> terms) {
        boolean matches(String path) {
            return terms.stream().allMatch(t -> t.matches(path));
        }
    }

    private record Router(String name, String host, String rule, List<Alternative> matchers, String service,
            List<String> middlewares,
            List<String> entryPoints, int priority) {
    }

    final JsonNode document;
    private final List<Router> routers = new ArrayList<>();

    TraefikRoutes(String template, Map<String, String> environment) {
        this.document = Repository.yaml(render(template, environment));
        document.path("http").path("routers").fields()
                .forEachRemaining(e -> routers.add(router(e.getKey(), e.getValue())));
    }

    static String render(String template, Map<String, String> environment) {
        Matcher m = RANGE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String body = m.group(5);
            StringBuilder items = new StringBuilder();
            String list = environment.getOrDefault(m.group(3), "");
            if (list.isEmpty() && m.group(4) != null) {
                list = m.group(4);
            }
            for (String value : list.split(Pattern.quote(m.group(2)))) {
                String item = body.replace("{{ trim $" + variable + " | quote }}", '"' + value.trim() + '"');
                items.append('\n').append(item);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(items.toString()));
        }
        m.appendTail(out);
        Matcher env = ENV.matcher(out.toString());
        out = new StringBuilder();
        while (env.find()) {
            env.appendReplacement(out, Matcher.quoteReplacement(environment.getOrDefault(env.group(1), "")));
        }
        env.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            throw new IllegalArgumentException("Template construct this test does not understand: "
                    + out.substring(out.indexOf("{{"), Math.min(out.length(), out.indexOf("{{") + 60)));
        }
        return out.toString();
    }

    private static Router router(String name, JsonNode node) {
        String rule = node.path("rule").asText();
        Matcher host = HOST.matcher(rule);
        if (!host.matches()) {
            throw new IllegalArgumentException("Router " + name + ": the rule must be Host(`…`) && (…), was " + rule);
        }
        List<Alternative> matchers = new ArrayList<>();
        for (String alternative : host.group(2).split("\\|\\|")) {
            List<PathMatcher> terms = new ArrayList<>();
            for (String term : alternative.split("&&")) {
                Matcher m = MATCHER.matcher(term.trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException(
                            "Router " + name + ": rule part this test cannot evaluate: " + term);
                }
                terms.add(new PathMatcher(!m.group(1).isEmpty(), m.group(2), m.group(3)));
            }
            matchers.add(new Alternative(terms));
        }
        int priority = node.has("priority") ? node.path("priority").asInt() : rule.length();
        return new Router(name, host.group(1), rule, matchers, node.path("service").asText(),
                texts(node.path("middlewares")),
                texts(node.path("entryPoints")), priority);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Where Traefik sends a request for this path, and the path the service receives. */
    Optional<Route> route(String path) {
        return routers.stream().filter(r -> r.matchers().stream().anyMatch(m -> m.matches(path)))
                .max(Comparator.comparingInt(Router::priority))
                .map(r -> new Route(r.name(), r.service(), forwarded(r, path)));
    }

    private String forwarded(Router router, String path) {
        String result = path;
        for (String middleware : router.middlewares()) {
            for (JsonNode prefix : document.path("http").path("middlewares").path(middleware).path("stripPrefix")
                    .path("prefixes")) {
                if (result.startsWith(prefix.asText())) {
                    result = result.substring(prefix.asText().length());
                    result = result.startsWith("/") ? result : "/" + result;
                }
            }
        }
        return result;
    }

    /** The plain (not negated) matchers of a router, as {@code Path:/x} or {@code PathPrefix:/x}. */
    List<String> matchers(String router) {
        return routers.stream().filter(r -> r.name().equals(router)).findFirst().orElseThrow().matchers().stream()
                .flatMap(a -> a.terms().stream()).filter(t -> !t.negated()).map(t -> t.kind() + ":" + t.value())
                .toList();
    }

    /** The host name a router's rule requires. */
    String host(String router) {
        return routers.stream().filter(r -> r.name().equals(router)).findFirst().orElseThrow().host();
    }

    List<String> routerNames() {
        return routers.stream().map(Router::name).toList();
    }

    List<String> entryPoints(String router) {
        return routers.stream().filter(r -> r.name().equals(router)).findFirst().orElseThrow().entryPoints();
    }

    List<String> middlewares(String router) {
        return routers.stream().filter(r -> r.name().equals(router)).findFirst().orElseThrow().middlewares();
    }

    /** The URL Traefik forwards to for a service name. */
    String serverUrl(String service) {
        JsonNode servers = document.path("http").path("services").path(service).path("loadBalancer").path("servers");
        return servers.isEmpty() ? null : servers.get(0).path("url").asText();
    }
}
