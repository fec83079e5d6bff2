package io.joystick.notification.fanout.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Where the LISTEN connection goes: the datasource's JDBC URL turned into the reactive client's options, one per
 * host of a multi-host URL ({@code jdbc:postgresql://a:5432,b:5432/db?…}), in the URL's order. Each host's URI is
 * parsed by {@link PgConnectOptions#fromUri}; of the JDBC parameters, those with a meaning for this connection are
 * carried over ({@code sslmode}, {@code ssl}, {@code sslrootcert}, {@code ApplicationName}, {@code options},
 * {@code user}, {@code password}, {@code connectTimeout}). The rest are the JDBC driver's own
 * ({@code targetServerType}, {@code loginTimeout}, …) and would be refused by the server as startup parameters.
 */
final class ListenTargets {

    private static final String PREFIX = "jdbc:postgresql:";

    private ListenTargets() {
    }

    /**
     * @param username the datasource's user (wins over the URL's {@code user}); null: the URL's, else {@code postgres}
     * @param password the datasource's password (wins over the URL's); null or empty: the URL's, if any
     */
    static List<PgConnectOptions> of(String jdbcUrl, String username, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL");
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String hosts = "";
        String database = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            hosts = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            database = slash < 0 ? "" : rest.substring(slash + 1);
        }
        Map<String, String> jdbc = parameters(query);
        String user = username != null ? username : jdbc.getOrDefault("user", "postgres");
        String pass = password != null && !password.isEmpty() ? password : jdbc.get("password");
        String uriQuery = carriedOver(jdbc);
        List<PgConnectOptions> targets = new ArrayList<>();
        for (String host : hosts.isEmpty() ? List.of("localhost") : List.of(hosts.split(","))) {
            PgConnectOptions options = PgConnectOptions.fromUri("postgresql://" + host.strip()
                    + (database.isEmpty() ? "" : "/" + database) + (uriQuery.isEmpty() ? "" : "?" + uriQuery));
            options.setUser(user);
            if (database.isEmpty()) {
                options.setDatabase(user); // as libpq and the JDBC driver do
            }
            if (pass != null) {
                options.setPassword(pass);
            }
            if (jdbc.containsKey("sslrootcert")) {
                options.setPemTrustOptions(new PemTrustOptions().addCertPath(jdbc.get("sslrootcert")));
            }
            if (jdbc.containsKey("connectTimeout")) {
                options.setConnectTimeout(Integer.parseInt(jdbc.get("connectTimeout")) * 1000);
            }
            targets.add(options);
        }
        return targets;
    }

    /** The parameters PgConnectOptions.fromUri understands, under its names. */
    private static String carriedOver(Map<String, String> jdbc) {
        Map<String, String> uri = new LinkedHashMap<>();
        String sslmode = jdbc.get("sslmode");
        if (sslmode == null && "true".equalsIgnoreCase(jdbc.get("ssl"))) {
            sslmode = "verify-full"; // the JDBC driver's meaning of ssl=true
        }
        if (sslmode != null) {
            uri.put("sslmode", sslmode);
        }
        if (jdbc.containsKey("ApplicationName")) {
            uri.put("application_name", jdbc.get("ApplicationName"));
        }
        if (jdbc.containsKey("options")) {
            uri.put("options", jdbc.get("options"));
        }
        StringJoiner query = new StringJoiner("&");
        uri.forEach((key, value) -> query.add(key + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")));
        return query.toString();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
