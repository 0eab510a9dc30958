package org.opengru.core.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/**
 * The database refused or failed an operation for a reason that is not a domain rule (the domain
 * failures have their own types, such as {@link org.opengru.core.error.ConcurrentUpdateException}).
 * Nothing was committed, except for a {@link ConnectionLostException} whose outcome is unknown. The
 * failures worth retrying are a {@link TransientDataAccessException}: build every store's exception with
 * {@link #translate} so that they are.
 */
public class DataAccessException extends GruException {

    private final @Nullable String sqlState;

    /**
     * A failure of the database.
     *
     * @param message what was being done and what failed
     * @param cause the driver's exception, or {@code null}
     */
    public DataAccessException(String message, @Nullable SQLException cause) {
        super(message, cause);
        this.sqlState = cause == null ? null : state(cause);
    }

    /**
     * The SQLSTATE reported by PostgreSQL, such as {@code 40001}, when there is one.
     *
     * @return the SQLSTATE, or {@code null}
     */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /**
     * Whether retrying the same command (with the same idempotency key) may succeed: true exactly for a
     * {@link TransientDataAccessException}.
     *
     * @return {@code true} for a transient failure
     */
    public boolean isTransient() {
        return false;
    }

    /**
     * Wraps a driver exception: a {@link ConnectionLostException} when the connection broke or could not
     * be had, a {@link TransientDataAccessException} for a serialization failure or a deadlock, a plain
     * {@code DataAccessException} otherwise.
     *
     * @param operation what was being done
     * @param e the driver's exception
     * @return the exception to throw
     */
    public static DataAccessException translate(String operation, SQLException e) {
        if (connectionLost(e)) {
            return new ConnectionLostException(operation, e);
        }
        if (isTransient(e)) {
            return new TransientDataAccessException(
                    operation + " lost a conflict with a concurrent transaction (SQLSTATE " + state(e)
                            + "); nothing was written, retry with the same idempotency key: " + e.getMessage(),
                    e);
        }
        return new DataAccessException(operation + " failed: " + e.getMessage(), e);
    }

    /**
     * Whether a driver exception is one that retrying may get past: a broken or refused connection
     * ({@code 08xxx}, {@code 57P01}-{@code 57P03}, a pool's timeout), a serialization failure ({@code
     * 40001}) or a deadlock ({@code 40P01}). Stores with their own exception types throw {@link
     * #translate} for these.
     *
     * @param e the driver's exception
     * @return {@code true} when a retry may succeed
     */
    public static boolean isTransient(SQLException e) {
        String state = state(e);
        return connectionLost(e) || "40001".equals(state) || "40P01".equals(state);
    }

    private static boolean connectionLost(SQLException e) {
        String state = state(e);
        return e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException
                || (state != null
                        && (state.startsWith("08")
                                || state.equals("57P01")
                                || state.equals("57P02")
                                || state.equals("57P03")));
    }

    /** The first SQLSTATE along the exception's chain (a batch reports its cause's). */
    private static @Nullable String state(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getSQLState() != null) {
                return x.getSQLState();
            }
            if (x.getCause() instanceof SQLException cause && cause.getSQLState() != null) {
                return cause.getSQLState();
            }
        }
        return null;
    }
}
