package io.joystick.console.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/** routes.yaml: which service serves which API path, the same table Traefik routes by in production. */
public record RouteTable(List<ServiceRoutes> services) {

    public static final String RESOURCE = "routes.yaml";

    public record ServiceRoutes(String service, List<String> prefixes, List<String> paths, String strip) {

        /** The path the service receives. */
        public String forwardedPath(String path) {
            if (strip != null && path.startsWith(strip)) {
                String rest = path.substring(strip.length());
                return rest.startsWith("/") ? rest : "/" + rest;
            }
            return path;
        }
    }

    public static RouteTable load() {
        try (InputStream in = RouteTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static RouteTable parse(Map<String, Object> document) {
        List<ServiceRoutes> services = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("services")).forEach((name, entry) -> services.add(
                new ServiceRoutes(name, (List<String>) entry.getOrDefault("prefixes", List.of()),
                        (List<String>) entry.getOrDefault("paths", List.of()), (String) entry.get("strip"))));
        return new RouteTable(List.copyOf(services));
    }

    /** The service for a request path: the longest matching prefix or exact path wins, as in Traefik. */
    public Optional<ServiceRoutes> route(String path) {
        ServiceRoutes best = null;
        int bestLength = -1;
        for (ServiceRoutes service : services) {
            for (String p : service.paths()) {
                if (p.equals(path) && p.length() > bestLength) {
                    best = service;
                    bestLength = p.length();
                }
            }
            for (String p : service.prefixes()) {
                if (path.startsWith(p) && p.length() > bestLength) {
                    best = service;
                    bestLength = p.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
