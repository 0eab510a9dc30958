package org.opengru.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs work in one JDBC transaction on a {@link DataSource}. A call made while a transaction of this
 * instance is open on the current thread joins it: the PostgreSQL adapters all go through the same
 * instance, so the request row, its audit entry and its outbox events written by one command commit or
 * roll back together. Instance-scoped (one per data source), thread-safe; no global state.
 *
 * <pre>{@code
 * JdbcTransactions tx = JdbcTransactions.of(dataSource);
 * tx.inTransaction(c -> { requests.save(...); audit.append(...); outbox.append(...); return null; });
 * }</pre>
 */
public final class JdbcTransactions {

    private final DataSource dataSource;
    // Instance-scoped: two instances (two communes, two databases) never see each other's connections.
    private final ThreadLocal<@Nullable Connection> current = new ThreadLocal<>();

    private JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Transactions on that data source.
     *
     * @param dataSource the pool
     * @return the helper
     */
    public static JdbcTransactions of(DataSource dataSource) {
        return new JdbcTransactions(dataSource);
    }

    /**
     * The data source the transactions run on.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The connection of the transaction open on this thread, if any.
     *
     * @return the connection, or empty
     */
    public Optional<Connection> currentConnection() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Runs the work in a transaction (READ COMMITTED) and commits it, or joins the transaction already
     * open on this thread. Any exception rolls the whole transaction back and is rethrown; an {@link
     * SQLException} is translated to a {@link DataAccessException}.
     *
     * @param <T> the result's type
     * @param work the work
     * @return the work's result
     */
    public <T> T inTransaction(SqlWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (SQLException e) {
                throw DataAccessException.translate("transaction", e);
            }
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw DataAccessException.translate("getting a connection", e);
        }
        try (c) {
            c.setAutoCommit(false);
            current.set(c);
            T result;
            try {
                result = work.apply(c);
            } catch (Throwable t) {
                rollbackQuietly(c, t);
                throw t;
            }
            c.commit();
            return result;
        } catch (SQLException e) {
            throw DataAccessException.translate("transaction", e);
        } finally {
            current.remove();
        }
    }

    /**
     * Runs work made of ONE statement (atomic on its own) in autocommit mode, which saves the round trip
     * of a separate COMMIT; joins the transaction open on this thread if there is one.
     *
     * @param <T> the result's type
     * @param work the one-statement work
     * @return the work's result
     */
    public <T> T inSingleStatement(SqlWork<T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.apply(joined);
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                return work.apply(c);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("statement", e);
        }
    }

    /**
     * Whether a transaction of this instance is open on the current thread.
     *
     * @return {@code true} inside {@link #inTransaction}
     */
    public boolean joined() {
        return current.get() != null;
    }

    /**
     * Runs the work in a transaction, without a result.
     *
     * @param action the work
     */
    public void run(SqlAction action) {
        inTransaction(c -> {
            action.run(c);
            return null;
        });
    }

    /**
     * One statement of the usager's erasure, {@code DELETE ... WHERE tenant_id = ? AND usager_id = ?} or
     * an update of that shape, in a transaction; the rows it changed.
     *
     * @param sql the statement, with the collectivité and the usager as its two parameters
     * @param tenant the collectivité
     * @param usager the usager
     * @return the rows changed
     */
    public int forUsager(String sql, org.opengru.core.tenancy.TenantId tenant, org.opengru.core.id.UsagerId usager) {
        return inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                return ps.executeUpdate();
            }
        });
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface SqlAction {
        /**
         * Runs the work on the transaction's connection.
         *
         * @param connection the connection
         * @throws SQLException as the driver throws it
         */
        void run(Connection connection) throws SQLException;
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
