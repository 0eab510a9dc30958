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
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditAnchor;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.audit.AuditVerification;
import org.opengru.core.id.RequestId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL, read from and appended to the requests' event log
 * ({@code gru_request_event}, docs/persistence.md): an event's chained part is the audit entry. Appends to one request's chain are serialised across nodes by a
 * transaction-scoped advisory lock on the request, taken before reading the chain's head.
 *
 * <p>The request row anchors its chain ({@code gru_request.audit_length}, {@code audit_head}): each
 * append extends the chain from the anchor, not from the last stored entry, and moves the anchor in the
 * same statement. So a chain truncated behind the application's back stays visibly broken, even after
 * later appends (they leave a gap), and a deleted chain shows. An id without a request row (a purged
 * request, or a chain kept for something else) has no anchor: its chain is extended from its last entry.
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

    /** Appends on an explicit connection (the caller's transaction): an event with no personal payload. */
    public AuditEntry append(Connection c, AuditRecord r) throws SQLException {
        return appendEvent(c, r, "{}", null, false, 0);
    }

    /**
     * Appends one event to the request's log on the caller's connection and moves the request's anchor.
     *
     * @param payload the event's personal part (JSON), whose digest the record's details already chain
     * @param idem the command's idempotency record, kept on the event (its key is unique per collectivité)
     * @param onApplicantsTimeline whether the applicant's 360° timeline shows the event
     * @param webhookEvents how many domain events the payload holds for the relay: numbered from the
     *     request row's {@code webhook_seq}, under its row lock
     */
    AuditEntry appendEvent(
            Connection c,
            AuditRecord r,
            String payload,
            org.opengru.core.request.@Nullable IdempotencyRecord idem,
            boolean onApplicantsTimeline,
            int webhookEvents)
            throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "gru_audit:" + r.tenant().value() + ":" + r.requestId());
            lock.execute();
        }
        long position = 0;
        String previous = AuditHashes.GENESIS;
        try (PreparedStatement head = c.prepareStatement("SELECT r.audit_length, r.audit_head, a.position, a.hash"
                + " FROM (SELECT 1) one LEFT JOIN gru_request r ON r.tenant_id = ? AND r.id = ?"
                + " LEFT JOIN LATERAL (SELECT position, hash FROM gru_request_event WHERE tenant_id = ?"
                + " AND request_id = ? ORDER BY position DESC LIMIT 1) a ON r.id IS NULL")) {
            head.setString(1, r.tenant().value());
            head.setObject(2, r.requestId().value());
            head.setString(3, r.tenant().value());
            head.setObject(4, r.requestId().value());
            try (ResultSet rs = head.executeQuery()) {
                rs.next();
                long anchored = rs.getLong(1);
                if (!rs.wasNull()) {
                    position = anchored;
                    previous = anchored == 0 ? AuditHashes.GENESIS : rs.getString(2);
                } else {
                    long last = rs.getLong(3);
                    if (!rs.wasNull()) {
                        position = last + 1;
                        previous = rs.getString(4);
                    }
                }
            }
        }
        String hash = AuditHashes.entryHash(r, position, previous);
        try (PreparedStatement insert = c.prepareStatement("WITH anchor AS (UPDATE gru_request SET audit_length = ?,"
                + " audit_head = ?, webhook_seq = webhook_seq + " + webhookEvents + " WHERE tenant_id = ? AND id = ?"
                + " RETURNING applicant_id, webhook_seq)"
                + " INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor, type, channel,"
                + " details, payload, previous_hash, hash, usager_id, idempotency_key, fingerprint, webhook_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?::json, ?, ?,"
                + " CASE WHEN ? THEN (SELECT applicant_id FROM anchor) END, ?, ?,"
                + (webhookEvents > 0
                        ? " (SELECT webhook_seq - " + (webhookEvents - 1) + " FROM anchor))"
                        : " NULL)"))) {
            insert.setLong(1, position + 1);
            insert.setString(2, hash);
            insert.setString(3, r.tenant().value());
            insert.setObject(4, r.requestId().value());
            insert.setString(5, r.tenant().value());
            insert.setObject(6, r.requestId().value());
            insert.setLong(7, position);
            Sql.setInstant(insert, 8, r.occurredAt());
            insert.setString(9, r.actor().toString());
            insert.setString(10, r.action());
            insert.setString(11, r.channel());
            insert.setString(12, JSON.writeValueAsString(r.details()));
            insert.setString(13, payload);
            insert.setString(14, previous);
            insert.setString(15, hash);
            insert.setBoolean(16, onApplicantsTimeline);
            insert.setString(17, idem == null ? null : idem.key().value());
            insert.setString(18, idem == null ? null : idem.fingerprint());
            insert.executeUpdate();
        }
        return new AuditEntry(r, position, previous, hash);
    }

    @Override
    public List<AuditEntry> entries(TenantId tenant, RequestId requestId) {
        return read(tenant, requestId).entries();
    }

    @Override
    public Optional<AuditAnchor> anchor(TenantId tenant, RequestId requestId) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT audit_length, audit_head FROM gru_request WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, requestId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<AuditAnchor>empty();
                    }
                    String head = rs.getString(2);
                    return Optional.of(new AuditAnchor(rs.getLong(1), head == null ? AuditHashes.GENESIS : head));
                }
            }
        });
    }

    /**
     * The chain and its anchor read by one statement, so as of one snapshot; then each payload still
     * present against the digest its chained details hold ({@code payloadSha256}, or for events older than
     * the log's payloads, {@code reasonSha256} of the reason): an erased payload (NULL) still verifies, an
     * edited one does not.
     */
    @Override
    public AuditVerification verify(TenantId tenant, RequestId requestId) {
        Chain chain = read(tenant, requestId);
        AuditVerification links = AuditTrail.verify(requestId, chain.entries(), chain.anchor());
        for (int i = 0; i < chain.entries().size(); i++) {
            if (!links.valid() && i >= links.brokenAt()) {
                break;
            }
            AuditEntry e = chain.entries().get(i);
            if (!payloadMatches(e.record().details(), chain.payloads().get(i))) {
                return new AuditVerification(
                        requestId,
                        chain.entries().size(),
                        e.position(),
                        "payload does not match its digest (edited payload)",
                        links.headHash());
            }
        }
        return links;
    }

    private static boolean payloadMatches(Map<String, String> details, @Nullable String payload) {
        if (payload == null) {
            return true; // erased: the chain still holds its digest
        }
        String digest = details.get("payloadSha256");
        if (digest != null) {
            return digest.equals(AuditHashes.sha256(payload));
        }
        String reasonDigest = details.get("reasonSha256");
        if (reasonDigest != null) {
            tools.jackson.databind.JsonNode reason = JSON.readTree(payload).get("reason");
            return reason == null || reason.isNull() || reasonDigest.equals(AuditHashes.sha256(reason.asString()));
        }
        return true;
    }

    private record Chain(
            List<AuditEntry> entries,
            List<@Nullable String> payloads,
            @Nullable AuditAnchor anchor) {}

    private Chain read(TenantId tenant, RequestId requestId) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.audit_length, r.audit_head, a.position,"
                    + " a.occurred_at, a.actor, a.type AS action, a.channel, a.details::text AS details,"
                    + " a.previous_hash, a.hash, a.payload::text AS payload FROM (SELECT 1) one LEFT JOIN gru_request r ON r.tenant_id = ?"
                    + " AND r.id = ? LEFT JOIN gru_request_event a ON a.tenant_id = ? AND a.request_id = ?"
                    + " ORDER BY a.position")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, requestId.value());
                ps.setString(3, tenant.value());
                ps.setObject(4, requestId.value());
                List<AuditEntry> out = new ArrayList<>();
                List<@Nullable String> payloads = new ArrayList<>();
                AuditAnchor anchor = null;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long length = rs.getLong("audit_length");
                        if (!rs.wasNull()) {
                            String head = rs.getString("audit_head");
                            anchor = new AuditAnchor(length, head == null ? AuditHashes.GENESIS : head);
                        }
                        if (rs.getString("hash") == null) {
                            continue; // no entry: the one row of the outer joins
                        }
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
                        payloads.add(rs.getString("payload"));
                    }
                }
                return new Chain(out, payloads, anchor);
            }
        });
    }
}
