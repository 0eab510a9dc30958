package org.opengru.franceconnect.flow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.franceconnect.FranceConnectException;

/**
 * PostgreSQL adapter in plain JDBC. Schema: {@code db/opengru/franceconnect/V1__franceconnect_login_flow.sql}
 * (Flyway-compatible). Consumption is one {@code DELETE ... RETURNING} statement: atomic across nodes.
 */
public final class PostgresLoginFlowStore implements LoginFlowStore {
    /** Where the migrations live on the classpath. */
    public static final String MIGRATION_LOCATION = "db/opengru/franceconnect";

    private final DataSource dataSource;

    /**
     * A store over the database migrated by {@code FranceConnectSchema}.
     *
     * @param dataSource the database
     */
    public PostgresLoginFlowStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** A database failure of the store. */
    public static final class StoreException extends FranceConnectException {
        private static final long serialVersionUID = 1L;

        StoreException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public void save(PendingLogin login) {
        String sql = "INSERT INTO franceconnect_pending_login"
                + " (tenant_id, state, nonce, code_verifier, acr, return_to, created_at, expires_at, browser_binding_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, login.tenantId());
            ps.setString(2, login.state());
            ps.setString(3, login.nonce());
            ps.setString(4, login.codeVerifier());
            ps.setString(5, login.acr());
            ps.setString(6, login.returnTo());
            ps.setTimestamp(7, Timestamp.from(login.createdAt()));
            ps.setTimestamp(8, Timestamp.from(login.expiresAt()));
            ps.setString(9, login.browserBindingHash());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("could not save pending login of tenant " + login.tenantId(), e);
        }
    }

    @Override
    public Optional<PendingLogin> consume(String tenantId, String state) {
        String sql = "DELETE FROM franceconnect_pending_login WHERE tenant_id = ? AND state = ?"
                + " RETURNING nonce, code_verifier, acr, return_to, created_at, expires_at, browser_binding_hash";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PendingLogin(
                        tenantId,
                        state,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)));
            }
        } catch (SQLException e) {
            throw failure("could not consume pending login of tenant " + tenantId, e);
        }
    }

    @Override
    public boolean markNonceUsed(String tenantId, String nonce, Instant keepUntil) {
        String sql = "INSERT INTO franceconnect_used_nonce (tenant_id, nonce, keep_until) VALUES (?, ?, ?)"
                + " ON CONFLICT (tenant_id, nonce) DO NOTHING";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, nonce);
            ps.setTimestamp(3, Timestamp.from(keepUntil));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("could not record nonce of tenant " + tenantId, e);
        }
    }

    @Override
    public void saveLogout(String tenantId, String state, Instant expiresAt) {
        String sql = "INSERT INTO franceconnect_pending_logout (tenant_id, state, expires_at) VALUES (?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, state);
            ps.setTimestamp(3, Timestamp.from(expiresAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("could not save logout state of tenant " + tenantId, e);
        }
    }

    @Override
    public Optional<Instant> consumeLogout(String tenantId, String state) {
        String sql = "DELETE FROM franceconnect_pending_logout WHERE tenant_id = ? AND state = ? RETURNING expires_at";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("could not consume logout state of tenant " + tenantId, e);
        }
    }

    @Override
    public int purgeExpired(Instant now) {
        int removed = 0;
        try (Connection c = dataSource.getConnection()) {
            for (String sql : new String[] {
                "DELETE FROM franceconnect_pending_login WHERE expires_at <= ?",
                "DELETE FROM franceconnect_used_nonce WHERE keep_until <= ?",
                "DELETE FROM franceconnect_pending_logout WHERE expires_at <= ?"
            }) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    removed += ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure("could not purge expired login flows", e);
        }
        return removed;
    }

    /** A transient failure (lost connection, deadlock...) as the retryable type every store throws. */
    private static RuntimeException failure(String message, SQLException e) {
        return DataAccessException.isTransient(e)
                ? DataAccessException.translate(message, e)
                : new StoreException(message, e);
    }
}
