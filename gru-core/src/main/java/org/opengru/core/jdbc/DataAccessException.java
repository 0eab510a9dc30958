package org.opengru.core.jdbc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/**
 * The database refused or failed an operation for a reason that is not a domain rule (the domain
 * failures have their own types, such as {@link org.opengru.core.error.ConcurrentUpdateException}).
 * Nothing was committed, except for a {@link ConnectionLostException} whose outcome is unknown.
 */
public class DataAccessException extends GruException {

    private final @Nullable String sqlState;

    public DataAccessException(String message, @Nullable SQLException cause) {
        super(message, cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
    }

    /** The SQLSTATE reported by PostgreSQL, such as {@code 40001}, when there is one. */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** Whether retrying the same command (with the same idempotency key) may succeed. */
    public boolean isTransient() {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("40001")
                        || sqlState.equals("40P01")
                        || sqlState.equals("57P01"));
    }

    /** Wraps a driver exception, as a {@link ConnectionLostException} when the connection broke. */
    public static DataAccessException translate(String operation, SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01"))) {
            return new ConnectionLostException(operation, e);
        }
        return new DataAccessException(operation + " failed: " + e.getMessage(), e);
    }
}
