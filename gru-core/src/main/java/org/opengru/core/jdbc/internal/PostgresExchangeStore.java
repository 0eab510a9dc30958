package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.MessagePost;
import org.opengru.core.exchange.ReadReceipt;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * Request threads in PostgreSQL. A post writes, in one transaction: its idempotency key (first, so a
 * concurrent retry waits and replays), the message, an audit entry on the request's chain (the body only
 * as a hash), a timeline entry for the applicant when the message is shared, and its domain events in
 * that entry's payload, numbered with the request's other webhook events (the relay reads them there).
 */
public final class PostgresExchangeStore implements ExchangeStore {

    private final JdbcTransactions tx;
    private final PostgresAuditTrail audit;

    public PostgresExchangeStore(JdbcTransactions tx, PostgresOutbox outbox, PostgresAuditTrail audit) {
        this.tx = Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(outbox, "outbox"); // delivers the post's events from the request's log
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public PostOutcome post(MessagePost post) {
        return tx.inTransaction(c -> post(c, post));
    }

    private PostOutcome post(Connection c, MessagePost post) throws SQLException {
        Message m = post.message();
        if (post.key() != null) {
            boolean claimed;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_message_key (tenant_id, key, fingerprint,"
                    + " message_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, m.tenant().value());
                ps.setString(2, post.key().value());
                ps.setString(3, post.fingerprint());
                ps.setObject(4, m.id().value());
                claimed = ps.executeUpdate() == 1;
            }
            if (!claimed) {
                String fingerprint;
                UUID first;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT fingerprint, message_id FROM gru_message_key WHERE tenant_id = ? AND key = ?")) {
                    ps.setString(1, m.tenant().value());
                    ps.setString(2, post.key().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        fingerprint = rs.getString(1);
                        first = rs.getObject(2, UUID.class);
                    }
                }
                if (!fingerprint.equals(post.fingerprint())) {
                    throw new IdempotencyConflictException(post.key().value());
                }
                return new PostOutcome(find(c, m.tenant(), MessageId.of(first)).orElseThrow(), true);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_message (tenant_id, id, request_id, posted_at,"
                + " document) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, m.tenant().value());
            ps.setObject(2, m.id().value());
            ps.setObject(3, m.requestId().value());
            Sql.setInstant(ps, 4, m.postedAt());
            ps.setString(5, Documents.json(m));
            ps.executeUpdate();
        }
        Map<String, String> details = new TreeMap<>();
        details.put("message", m.id().toString());
        details.put("visibility", m.visibility().name());
        details.put("bodySha256", AuditHashes.sha256(m.body()));
        details.put("attachments", Integer.toString(m.attachments().size()));
        // The post's domain events ride on its event for the relay, which reads the message when it sends.
        String payload = eventsPayload(post.events());
        if (!"{}".equals(payload)) {
            details.put("payloadSha256", AuditHashes.sha256(payload));
        }
        // The message's event in the request's log; shared with the applicant, it is on her timeline.
        audit.appendEvent(
                c,
                new AuditRecord(
                        m.tenant(),
                        m.requestId(),
                        m.author(),
                        m.visibility() == Visibility.INTERNAL_NOTE ? "note:POST" : "message:POST",
                        m.channel().name(),
                        m.postedAt(),
                        details),
                payload,
                null,
                m.visibility() != Visibility.INTERNAL_NOTE,
                post.events().size());
        return new PostOutcome(m, false);
    }

    /** {@code {"events": [{"type": ..., "event": {...}}]}}, or {@code {}} without events. */
    static String eventsPayload(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder(256).append('{');
        return appendEvents(sb, events, PostgresRequestStore.JSON::writeValueAsString)
                .append('}')
                .toString();
    }

    /** Appends {@code "events":[{"type": ..., "event": {...}}, ...]}, each event written by {@code json}. */
    static StringBuilder appendEvents(
            StringBuilder sb, List<DomainEvent> events, java.util.function.Function<DomainEvent, String> json) {
        sb.append("\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            DomainEvent e = events.get(i);
            sb.append(i > 0 ? "," : "").append("{\"type\":");
            PostgresRequestStore.jsonString(sb, e.type())
                    .append(",\"event\":")
                    .append(json.apply(e))
                    .append('}');
        }
        return sb.append(']');
    }

    @Override
    public List<Message> thread(TenantId tenant, RequestId requestId) {
        return tx.inTransaction(c -> Documents.list(
                c,
                "SELECT document::text FROM gru_message WHERE tenant_id = ? AND request_id = ?"
                        + " ORDER BY posted_at, id",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, requestId.value());
                },
                Message.class));
    }

    @Override
    public Optional<Message> find(TenantId tenant, MessageId id) {
        return tx.inTransaction(c -> find(c, tenant, id));
    }

    private static Optional<Message> find(Connection c, TenantId tenant, MessageId id) throws SQLException {
        return Documents.one(
                c,
                "SELECT document::text FROM gru_message WHERE tenant_id = ? AND id = ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, id.value());
                },
                Message.class);
    }

    @Override
    public boolean markRead(TenantId tenant, ReadReceipt receipt, List<DomainEvent> events) {
        return tx.inTransaction(c -> {
            Optional<Message> message = find(c, tenant, receipt.messageId());
            if (message.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_read_receipt (tenant_id, message_id,"
                    + " reader, read_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, receipt.messageId().value());
                ps.setString(3, receipt.reader().toString());
                Sql.setInstant(ps, 4, receipt.readAt());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            if (!events.isEmpty()) {
                // The receipt's events ride on an event of the request's log (not on the timeline).
                String list = eventsPayload(events);
                String payload = "{\"receipt\":" + PostgresRequestStore.JSON.writeValueAsString(receipt) + ","
                        + list.substring(1);
                Map<String, String> details = new TreeMap<>();
                details.put("message", receipt.messageId().toString());
                details.put("payloadSha256", AuditHashes.sha256(payload));
                audit.appendEvent(
                        c,
                        new AuditRecord(
                                tenant,
                                message.get().requestId(),
                                receipt.reader(),
                                "message:READ",
                                message.get().channel().name(),
                                receipt.readAt(),
                                details),
                        payload,
                        null,
                        false,
                        events.size());
            }
            return true;
        });
    }

    @Override
    public List<ReadReceipt> receipts(TenantId tenant, MessageId id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reader, read_at FROM gru_read_receipt"
                    + " WHERE tenant_id = ? AND message_id = ? ORDER BY seq")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                List<ReadReceipt> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReadReceipt(
                                id, ActorRef.parse(rs.getString(1)), Sql.requiredInstant(rs, "read_at")));
                    }
                }
                return out;
            }
        });
    }
}
