package io.joystick.device.catalog.repository;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import io.joystick.auth.error.ApiException;

/**
 * Inserts a row and turns a unique-key violation into a 409. The create paths check for an existing id or name
 * first, but two concurrent creates with the same one both pass that check; the database's key decides, and the
 * loser must hear "already exists", not a 500.
 */
public final class UniqueInsert {

    /** SQLSTATE of a unique or primary-key violation, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueInsert() {
    }

    /** Runs {@code persistAndFlush}; a unique violation becomes {@code ApiException.conflict(conflict)}. */
    public static void run(Runnable persistAndFlush, String conflict) {
        try {
            persistAndFlush.run();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw ApiException.conflict(conflict);
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
