package io.joystick.auth.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A request that failed because the service's database could not be reached (restarting, failing over, the
 * network to it down). It is answered 503 naming the database, and never mistaken for a client's broken
 * connection, although the driver's failure carries a {@code SocketException} or {@code EOFException} too.
 */
public final class DatabaseFaults {

    private static final int MAX_CAUSES = 10;

    private DatabaseFaults() {
    }

    /** Whether the failure came from the database or its driver at all. */
    public static boolean fromDatabase(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException || isPersistenceLayer(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database could not be reached: a connection failure (SQLSTATE class 08), an operator's or a
     * crash's shutdown of the server (57P01-57P03), or no connection to be had from the pool in time.
     */
    public static boolean unavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql && (unavailableState(sql.getSQLState()) || fromThePool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Raised by the connection pool itself, not by the server (which always gives an SQLSTATE): no connection to be
     * had within the acquisition timeout, or the pool closing. Agroal raises a plain {@code SQLException} then.
     */
    private static boolean fromThePool(SQLException sql) {
        StackTraceElement[] stack = sql.getStackTrace();
        return sql.getSQLState() == null && stack.length > 0 && stack[0].getClassName().startsWith("io.agroal.");
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    private static boolean isPersistenceLayer(Throwable cause) {
        String name = cause.getClass().getName();
        return name.startsWith("org.hibernate.") || name.startsWith("jakarta.persistence.")
                || name.startsWith("io.agroal.") || name.startsWith("io.vertx.pgclient.")
                || name.startsWith("io.vertx.sqlclient.");
    }
}
