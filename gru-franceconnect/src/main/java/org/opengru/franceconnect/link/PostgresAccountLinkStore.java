package org.opengru.franceconnect.link;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.tenancy.TenantId;

/** PostgreSQL adapter (plain JDBC); schema {@code V2__franceconnect_account_link.sql}. */
public final class PostgresAccountLinkStore implements AccountLinkStore {
    private final DataSource dataSource;

    /**
     * A store over the database migrated by {@code FranceConnectSchema}.
     *
     * @param dataSource the database
     */
    public PostgresAccountLinkStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<AccountLink> find(TenantId tenant, String issuer, String subject) {
        String sql = "SELECT usager_id, basis, linked_at, confirmed_by FROM franceconnect_account_link"
                + " WHERE tenant_id = ? AND issuer = ? AND subject = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            ps.setString(2, issuer);
            ps.setString(3, subject);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AccountLink(
                        tenant,
                        issuer,
                        subject,
                        UsagerId.of(rs.getObject(1, UUID.class)),
                        LinkBasis.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)));
            }
        } catch (SQLException e) {
            throw failure("could not read account link of tenant " + tenant, e);
        }
    }

    @Override
    public void save(AccountLink link) {
        String sql = "INSERT INTO franceconnect_account_link"
                + " (tenant_id, issuer, subject, usager_id, basis, linked_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, issuer, subject) DO NOTHING";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, link.tenant().value());
            ps.setString(2, link.issuer());
            ps.setString(3, link.subject());
            ps.setObject(4, link.usager().value());
            ps.setString(5, link.basis().name());
            ps.setTimestamp(6, Timestamp.from(link.linkedAt()));
            ps.setString(7, link.confirmedBy());
            if (ps.executeUpdate() == 0) {
                throw new AlreadyLinkedException(link.tenant(), link.issuer());
            }
        } catch (SQLException e) {
            throw failure("could not save account link of tenant " + link.tenant(), e);
        }
    }

    @Override
    public List<AccountLink> byUsager(TenantId tenant, UsagerId usager) {
        String sql = "SELECT issuer, subject, basis, linked_at, confirmed_by FROM franceconnect_account_link"
                + " WHERE tenant_id = ? AND usager_id = ? ORDER BY linked_at, issuer, subject";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, usager.value());
            List<AccountLink> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AccountLink(
                            tenant,
                            rs.getString(1),
                            rs.getString(2),
                            usager,
                            LinkBasis.valueOf(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(),
                            rs.getString(5)));
                }
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw failure("could not read the account links of an usager of tenant " + tenant, e);
        }
    }

    @Override
    public int deleteByUsager(TenantId tenant, UsagerId usager) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM franceconnect_account_link WHERE tenant_id = ? AND usager_id = ?")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, usager.value());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("could not delete the account links of an usager of tenant " + tenant, e);
        }
    }

    /** A database failure. */
    public static final class LinkStoreException extends org.opengru.franceconnect.FranceConnectException {
        private static final long serialVersionUID = 1L;

        LinkStoreException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }

    /** A transient failure (lost connection, deadlock...) as the retryable type every store throws. */
    private static RuntimeException failure(String message, SQLException e) {
        return DataAccessException.isTransient(e)
                ? DataAccessException.translate(message, e)
                : new LinkStoreException(message, e);
    }
}
