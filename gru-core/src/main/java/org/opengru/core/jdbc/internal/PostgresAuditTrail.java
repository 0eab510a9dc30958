package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.id.RequestId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL. Appends to one request's chain are serialised across nodes by a
 * transaction-scoped advisory lock on the request, taken before reading the chain's head.
 */
public final class PostgresAuditTrail implements AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {};

    private final JdbcTransactions tx;

    public PostgresAuditTrail(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public AuditEntry append(AuditRecord record) {
        return tx.inTransaction(c -> append(c, record));
    }

    /** Appends on an explicit connection (the caller's transaction). */
    public AuditEntry append(Connection c, AuditRecord r) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "gru_audit:" + r.tenant().value() + ":" + r.requestId());
            lock.execute();
        }
        long position = 0;
        String previous = AuditHashes.GENESIS;
        try (PreparedStatement head = c.prepareStatement("SELECT position, hash FROM gru_audit WHERE tenant_id = ?"
                + " AND request_id = ? ORDER BY position DESC LIMIT 1")) {
            head.setString(1, r.tenant().value());
            head.setObject(2, r.requestId().value());
            try (ResultSet rs = head.executeQuery()) {
                if (rs.next()) {
                    position = rs.getLong(1) + 1;
                    previous = rs.getString(2);
                }
            }
        }
        String hash = AuditHashes.entryHash(r, position, previous);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gru_audit (tenant_id, request_id, position,"
                + " occurred_at, actor, action, channel, details, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?)")) {
            insert.setString(1, r.tenant().value());
            insert.setObject(2, r.requestId().value());
            insert.setLong(3, position);
            Sql.setInstant(insert, 4, r.occurredAt());
            insert.setString(5, r.actor().toString());
            insert.setString(6, r.action());
            insert.setString(7, r.channel());
            insert.setString(8, JSON.writeValueAsString(r.details()));
            insert.setString(9, previous);
            insert.setString(10, hash);
            insert.executeUpdate();
        }
        return new AuditEntry(r, position, previous, hash);
    }

    @Override
    public List<AuditEntry> entries(TenantId tenant, RequestId requestId) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position, occurred_at, actor, action, channel,"
                    + " details::text AS details, previous_hash, hash FROM gru_audit WHERE tenant_id = ?"
                    + " AND request_id = ? ORDER BY position")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, requestId.value());
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, String> details = JSON.readValue(rs.getString("details"), DETAILS);
                        AuditRecord record = new AuditRecord(
                                tenant,
                                requestId,
                                ActorRef.parse(rs.getString("actor")),
                                rs.getString("action"),
                                rs.getString("channel"),
                                Sql.requiredInstant(rs, "occurred_at"),
                                details);
                        out.add(new AuditEntry(
                                record, rs.getLong("position"), rs.getString("previous_hash"), rs.getString("hash")));
                    }
                }
                return out;
            }
        });
    }
}
