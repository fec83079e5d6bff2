package io.joystick.auth.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;

class DatabaseFaultsTest {

    @Test
    void aBrokenDatabaseConnectionIsNeitherTheClientsFaultNorAvailable() {
        Exception failure = new RuntimeException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));
        assertTrue(DatabaseFaults.unavailable(failure));
        assertFalse(ClientFaults.isClientCaused(failure));
    }

    @Test
    void aServerShuttingDownOrATransientConnectionFailureIsUnavailable() {
        assertTrue(DatabaseFaults.unavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseFaults.unavailable(new SQLTransientConnectionException("Connection attempt timed out")));
    }

    @Test
    void anExhaustedPoolIsUnavailable() throws SQLException {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofSeconds(1))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl("jdbc:h2:mem:exhausted")));
        try (AgroalDataSource dataSource = AgroalDataSource.from(config);
                Connection held = dataSource.getConnection()) {
            SQLException timedOut = assertThrows(SQLException.class, dataSource::getConnection);
            // as Hibernate hands it on
            assertTrue(DatabaseFaults.unavailable(new RuntimeException("Unable to acquire JDBC Connection", timedOut)));
        }
    }

    @Test
    void aDatabaseErrorThatIsNotAboutTheConnectionIsNotUnavailable() {
        SQLException duplicate = new SQLException("duplicate key value", "23505");
        assertFalse(DatabaseFaults.unavailable(duplicate));
        assertTrue(DatabaseFaults.fromDatabase(duplicate));
    }

    @Test
    void aClientsBrokenConnectionStaysTheClients() {
        assertTrue(ClientFaults.isClientCaused(new SocketException("Connection reset")));
        assertFalse(DatabaseFaults.unavailable(new SocketException("Connection reset")));
    }
}
