package io.joystick.notification.fanout.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Whether this instance shares its database with others: on PostgreSQL, instances announce new
 * notifications to each other (LISTEN/NOTIFY); on H2 the database is this process's own.
 */
@ApplicationScoped
public class Cluster {

    private final String instanceId = UUID.randomUUID().toString();
    private final AgroalDataSource dataSource;
    private volatile Boolean postgres;

    public Cluster(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Tells this instance's announcements from the others'. */
    public String instanceId() {
        return instanceId;
    }

    /** Read from the database itself: the JDBC driver is chosen when the application is built. */
    public boolean sharedDatabase() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database", e);
            }
            postgres = known;
        }
        return known;
    }
}
