package io.joystick.auth.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseFaultsTest {

    @Test
    void aBrokenDatabaseConnectionIsNeitherTheClientsFaultNorAvailable() {
        Exception failure = new RuntimeException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));
        assertTrue(DatabaseFaults.unavailable(failure));
        assertFalse(ClientFaults.isClientCaused(failure));
    }

    @Test
    void aServerShuttingDownAndAnEmptyPoolAreUnavailable() {
        assertTrue(DatabaseFaults.unavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseFaults.unavailable(new SQLTransientConnectionException("Acquisition timeout")));
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
