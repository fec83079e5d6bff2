package io.joystick.auth.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A fresh database per profile class, for tests that need to know exactly who is admin: in memory on H2, and
 * on PostgreSQL (the CI's database pass, which gives the module one database by {@code %test.quarkus.datasource.jdbc.url})
 * a database of its own beside that one, created fresh and dropped when the tests' JVM ends.
 */
public class OwnDatabase implements QuarkusTestProfile {

    private static final String TEST_URL = "%test.quarkus.datasource.jdbc.url";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String shared = System.getProperty(TEST_URL, "");
        String url = shared.startsWith("jdbc:postgresql:") ? freshPostgresDatabase(shared)
                : "jdbc:h2:mem:" + getClass().getSimpleName()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        config.put("quarkus.datasource.jdbc.url", url);
        config.put(TEST_URL, url);
        return config;
    }

    private String freshPostgresDatabase(String shared) {
        int slash = shared.lastIndexOf('/');
        String name = (shared.substring(slash + 1) + "_" + getClass().getSimpleName()).toLowerCase(Locale.ROOT);
        String server = shared.substring(0, slash + 1) + "postgres";
        String user = System.getProperty("quarkus.datasource.username", "postgres");
        String password = System.getProperty("quarkus.datasource.password", "");
        execute(server, user, password, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)",
                "CREATE DATABASE \"" + name + "\"");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, user, password,
                "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)")));
        return shared.substring(0, slash + 1) + name;
    }

    private static void execute(String url, String user, String password, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database on " + url + ": " + e.getMessage(), e);
        }
    }
}
