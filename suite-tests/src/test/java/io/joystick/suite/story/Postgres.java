package io.joystick.suite.story;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases for one run of a story, on the PostgreSQL server CI points at (trust authentication). */
public final class Postgres {

    private Postgres() {
    }

    public static void createDatabase(String server, String database) throws SQLException {
        execute(server, "CREATE DATABASE " + database);
    }

    public static void dropDatabase(String server, String database) throws SQLException {
        execute(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void execute(String server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
