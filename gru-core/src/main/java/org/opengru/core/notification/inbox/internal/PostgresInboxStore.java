package org.opengru.core.notification.inbox.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.inbox.InboxItem;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.notification.internal.JdbcSupport;
import org.opengru.core.tenancy.TenantId;

/** Inboxes in PostgreSQL (table {@code gru_inbox}), keyset-paginated on (created_at, id). */
public final class PostgresInboxStore implements InboxStore {

    private static final String COLUMNS =
            "id, tenant_id, usager_id, kind, request_id, title, body, created_at, read_at";

    private final JdbcTransactions tx;

    public PostgresInboxStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public boolean add(InboxItem i) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO gru_inbox (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING")) {
                ps.setObject(1, i.id());
                ps.setString(2, i.tenant().value());
                ps.setObject(3, i.usager().value());
                ps.setString(4, i.kind().name());
                JdbcSupport.setNullableUuid(
                        ps, 5, i.request() == null ? null : i.request().value());
                ps.setString(6, i.title());
                ps.setString(7, i.body());
                JdbcSupport.setInstant(ps, 8, i.createdAt());
                JdbcSupport.setInstant(ps, 9, i.readAt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<InboxItem> find(TenantId tenant, UsagerId usager, UUID id) {
        List<InboxItem> l =
                query("SELECT " + COLUMNS + " FROM gru_inbox WHERE tenant_id = ? AND usager_id = ? AND id = ?", ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, usager.value());
                    ps.setObject(3, id);
                });
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<InboxItem> page(TenantId tenant, UsagerId usager, @Nullable InboxItem after, int limit) {
        if (after == null) {
            return query(
                    "SELECT " + COLUMNS + " FROM gru_inbox WHERE tenant_id = ? AND usager_id = ?"
                            + " ORDER BY created_at DESC, id DESC LIMIT ?",
                    ps -> {
                        ps.setString(1, tenant.value());
                        ps.setObject(2, usager.value());
                        ps.setInt(3, Math.max(0, limit));
                    });
        }
        return query(
                "SELECT " + COLUMNS + " FROM gru_inbox WHERE tenant_id = ? AND usager_id = ?"
                        + " AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, usager.value());
                    JdbcSupport.setInstant(ps, 3, after.createdAt());
                    ps.setObject(4, after.id());
                    ps.setInt(5, Math.max(0, limit));
                });
    }

    @Override
    public boolean markRead(TenantId tenant, UsagerId usager, UUID id, Instant at) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_inbox SET read_at = coalesce(read_at, ?)"
                    + " WHERE tenant_id = ? AND usager_id = ? AND id = ?")) {
                JdbcSupport.setInstant(ps, 1, at);
                ps.setString(2, tenant.value());
                ps.setObject(3, usager.value());
                ps.setObject(4, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long unreadCount(TenantId tenant, UsagerId usager) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM gru_inbox WHERE tenant_id = ? AND usager_id = ? AND read_at IS NULL")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<InboxItem> query(String sql, Binder binder) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<InboxItem> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID request = rs.getObject("request_id", UUID.class);
                        out.add(new InboxItem(
                                rs.getObject("id", UUID.class),
                                TenantId.of(rs.getString("tenant_id")),
                                UsagerId.of(rs.getObject("usager_id", UUID.class)),
                                NotificationKind.valueOf(rs.getString("kind")),
                                request == null ? null : RequestId.of(request),
                                rs.getString("title"),
                                rs.getString("body"),
                                JdbcSupport.requiredInstant(rs, "created_at"),
                                JdbcSupport.instant(rs, "read_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return tx.forUsager("DELETE FROM gru_inbox WHERE tenant_id = ? AND usager_id = ?", tenant, usager);
    }
}
