package org.opengru.core.contact.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.contact.ContactId;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.contact.Direction;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.internal.JdbcSupport;
import org.opengru.core.tenancy.TenantId;

/** Contacts in PostgreSQL (table {@code gru_contact}). */
public final class PostgresContactLog implements ContactLog {

    private static final String COLUMNS = "id, tenant_id, usager_id, request_id, channel, direction, subject, summary,"
            + " recorded_by, occurred_at, recorded_at, status, reason, document_refs, external_ref";

    private final JdbcTransactions tx;

    public PostgresContactLog(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public ContactRecord add(ContactRecord c) {
        return tx.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gru_contact (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                bind(conn, ps, c);
                if (ps.executeUpdate() == 1) {
                    return c;
                }
            }
            // The same external reference was recorded before: the first record stands.
            List<ContactRecord> existing = query(
                    conn, "SELECT " + COLUMNS + " FROM gru_contact WHERE tenant_id = ? AND external_ref = ?", ps -> {
                        ps.setString(1, c.tenant().value());
                        ps.setString(2, c.externalRef());
                    });
            if (existing.isEmpty()) {
                throw new NotFoundException("contact", c.id().toString());
            }
            return existing.get(0);
        });
    }

    private static void bind(Connection conn, PreparedStatement ps, ContactRecord c) throws SQLException {
        ps.setObject(1, c.id().value());
        ps.setString(2, c.tenant().value());
        JdbcSupport.setNullableUuid(
                ps, 3, c.usager() == null ? null : c.usager().value());
        JdbcSupport.setNullableUuid(
                ps, 4, c.request() == null ? null : c.request().value());
        ps.setString(5, c.channel().name());
        ps.setString(6, c.direction().name());
        ps.setString(7, c.subject());
        ps.setString(8, c.summary());
        JdbcSupport.setNullableString(ps, 9, c.recordedBy());
        JdbcSupport.setInstant(ps, 10, c.occurredAt());
        JdbcSupport.setInstant(ps, 11, c.recordedAt());
        ps.setString(12, c.status().name());
        JdbcSupport.setNullableString(ps, 13, c.reason());
        ps.setArray(14, conn.createArrayOf("text", c.documentRefs().toArray()));
        JdbcSupport.setNullableString(ps, 15, c.externalRef());
    }

    @Override
    public Optional<ContactRecord> find(TenantId tenant, ContactId id) {
        List<ContactRecord> l = list("SELECT " + COLUMNS + " FROM gru_contact WHERE tenant_id = ? AND id = ?", ps -> {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
        });
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public void update(ContactRecord c) {
        tx.run(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE gru_contact SET usager_id = ?, request_id = ?,"
                    + " recorded_by = ?, status = ?, reason = ? WHERE tenant_id = ? AND id = ?")) {
                JdbcSupport.setNullableUuid(
                        ps, 1, c.usager() == null ? null : c.usager().value());
                JdbcSupport.setNullableUuid(
                        ps, 2, c.request() == null ? null : c.request().value());
                JdbcSupport.setNullableString(ps, 3, c.recordedBy());
                ps.setString(4, c.status().name());
                JdbcSupport.setNullableString(ps, 5, c.reason());
                ps.setString(6, c.tenant().value());
                ps.setObject(7, c.id().value());
                if (ps.executeUpdate() != 1) {
                    throw new NotFoundException("contact", c.id().toString());
                }
            }
        });
    }

    @Override
    public List<ContactRecord> byUsager(TenantId tenant, UsagerId usager, @Nullable ContactRecord after, int limit) {
        if (after == null) {
            return list(
                    "SELECT " + COLUMNS + " FROM gru_contact WHERE tenant_id = ? AND usager_id = ?"
                            + " ORDER BY occurred_at DESC, id DESC LIMIT ?",
                    ps -> {
                        ps.setString(1, tenant.value());
                        ps.setObject(2, usager.value());
                        ps.setInt(3, Math.max(0, limit));
                    });
        }
        return list(
                "SELECT " + COLUMNS + " FROM gru_contact WHERE tenant_id = ? AND usager_id = ?"
                        + " AND (occurred_at, id) < (?, ?) ORDER BY occurred_at DESC, id DESC LIMIT ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, usager.value());
                    JdbcSupport.setInstant(ps, 3, after.occurredAt());
                    ps.setObject(4, after.id().value());
                    ps.setInt(5, Math.max(0, limit));
                });
    }

    @Override
    public List<ContactRecord> byRequest(TenantId tenant, RequestId request) {
        return list(
                "SELECT " + COLUMNS + " FROM gru_contact WHERE tenant_id = ? AND request_id = ?"
                        + " ORDER BY occurred_at, id",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, request.value());
                });
    }

    @Override
    public List<ContactRecord> withStatus(TenantId tenant, ContactStatus status, int limit) {
        return list(
                "SELECT " + COLUMNS + " FROM gru_contact WHERE tenant_id = ? AND status = ?"
                        + " ORDER BY recorded_at, id LIMIT ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setString(2, status.name());
                    ps.setInt(3, Math.max(0, limit));
                });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ContactRecord> list(String sql, Binder binder) {
        return tx.inTransaction(conn -> query(conn, sql, binder));
    }

    private static List<ContactRecord> query(Connection conn, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            List<ContactRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID usager = rs.getObject("usager_id", UUID.class);
                    UUID request = rs.getObject("request_id", UUID.class);
                    String by = rs.getString("recorded_by");
                    Array refs = rs.getArray("document_refs");
                    out.add(new ContactRecord(
                            ContactId.of(rs.getObject("id", UUID.class)),
                            TenantId.of(rs.getString("tenant_id")),
                            usager == null ? null : UsagerId.of(usager),
                            request == null ? null : RequestId.of(request),
                            Channel.valueOf(rs.getString("channel")),
                            Direction.valueOf(rs.getString("direction")),
                            rs.getString("subject"),
                            rs.getString("summary"),
                            by == null ? null : AgentId.of(by),
                            JdbcSupport.requiredInstant(rs, "occurred_at"),
                            JdbcSupport.requiredInstant(rs, "recorded_at"),
                            ContactStatus.valueOf(rs.getString("status")),
                            rs.getString("reason"),
                            Arrays.asList((String[]) refs.getArray()),
                            rs.getString("external_ref")));
                }
            }
            return out;
        }
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return tx.forUsager("DELETE FROM gru_contact WHERE tenant_id = ? AND usager_id = ?", tenant, usager);
    }
}
