package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.EventId;
import org.opengru.core.jdbc.EventLogTables;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxClaim;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.internal.Subscribers;
import org.opengru.core.tenancy.TenantId;

/**
 * The outbox in PostgreSQL. A claim is one autocommitted statement that selects due rows {@code FOR
 * UPDATE SKIP LOCKED}, so relays on several nodes share the work, and leases them (a visibility deadline
 * in {@code next_attempt_at}, a token in {@code lease}); each outcome is one statement that applies only
 * under that token. No transaction or connection is held while a subscriber is called. A row is claimable
 * only when no earlier row of its stream is still pending (committed, leased or being claimed by another
 * relay), and stream sequences are assigned under the stream row's lock, so an uncommitted append can
 * never be overtaken.
 *
 * <p>A delivered row's payload is replaced by its digest in the statement that marks it delivered (the
 * SQL twin of {@link OutboxMessage#prunedPayload}); a dead row records when it died ({@code dead_at}) for
 * {@link #pruneDeadLetters}.
 */
public final class PostgresOutbox implements Outbox {

    private static final String COLUMNS = "o.id, o.event_id, o.subscriber, o.tenant_id, o.aggregate_type,"
            + " o.aggregate_id, o.stream_seq, o.event_type, o.occurred_at, o.payload::text AS payload, o.status,"
            + " o.attempts, o.next_attempt_at, o.last_error, o.delivered_at";

    private static final String NEXT_SEQ = "INSERT INTO gru_outbox_stream AS s (tenant_id, aggregate_type,"
            + " aggregate_id, last_seq) VALUES (?, ?, ?, 1) ON CONFLICT (tenant_id, aggregate_type, aggregate_id)"
            + " DO UPDATE SET last_seq = s.last_seq + 1 RETURNING last_seq";

    private static final String INSERT = "INSERT INTO gru_outbox (event_id, subscriber, tenant_id, aggregate_type,"
            + " aggregate_id, stream_seq, event_type, occurred_at, payload, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?)";

    /**
     * Takes a batch and leases it in one autocommitted statement: the rows' {@code next_attempt_at} moves
     * to the lease's end (hiding them from other relays until then) and {@code lease} holds the token that
     * outcomes must match. A row still carrying a lease was claimed by a relay that never stored an
     * outcome: that lost attempt is counted.
     */
    private static final String CLAIM = "WITH c AS (SELECT o.id FROM gru_outbox o"
            + " WHERE o.status = 'PENDING' AND o.next_attempt_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM gru_outbox p WHERE p.status = 'PENDING'"
            + " AND p.subscriber = o.subscriber AND p.tenant_id = o.tenant_id"
            + " AND p.aggregate_type = o.aggregate_type AND p.aggregate_id = o.aggregate_id"
            + " AND p.stream_seq < o.stream_seq)"
            + " ORDER BY o.id LIMIT ? FOR UPDATE OF o SKIP LOCKED)"
            + " UPDATE gru_outbox o SET next_attempt_at = ?, lease = ?,"
            + " attempts = o.attempts + CASE WHEN o.lease IS NULL THEN 0 ELSE 1 END"
            + " FROM c WHERE o.id = c.id RETURNING " + COLUMNS;

    private static final String PRUNE_PAYLOAD = PostgresPersistence.OUTBOX_PRUNE_PAYLOAD;

    /** Whether a row's payload is already pruned. */
    private static final String PRUNED = "starts_with(payload::text, '{\"payloadSha256\":')";

    private final JdbcTransactions tx;
    private final Clock clock;
    private final Set<String> subscribers;
    private final List<PostgresLogDeliveries> logs;

    public PostgresOutbox(JdbcTransactions tx, Clock clock, Set<String> subscribers) {
        this(tx, clock, subscribers, List.of());
    }

    /**
     * @param logs the event logs delivered from their own tables (cursors, no copies), besides the
     *     {@code gru_outbox} rows that {@link #append} writes
     */
    public PostgresOutbox(JdbcTransactions tx, Clock clock, Set<String> subscribers, List<EventLogTables> logs) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subscribers = Subscribers.check(subscribers);
        this.logs = logs.stream().map(l -> new PostgresLogDeliveries(tx, l)).toList();
    }

    private @Nullable PostgresLogDeliveries log(String aggregateType) {
        for (PostgresLogDeliveries l : logs) {
            if (l.aggregateType().equals(aggregateType)) {
                return l;
            }
        }
        return null;
    }

    @Override
    public Set<String> subscribers() {
        return subscribers;
    }

    @Override
    public void append(List<OutboxMessage> messages) {
        if (messages.isEmpty() || subscribers.isEmpty()) {
            return;
        }
        tx.run(c -> append(c, messages));
    }

    /** Appends on an explicit connection (the caller's transaction). */
    public void append(Connection c, List<OutboxMessage> messages) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement seq = c.prepareStatement(NEXT_SEQ);
                PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (OutboxMessage m : messages) {
                seq.setString(1, m.tenant().value());
                seq.setString(2, m.aggregateType());
                seq.setString(3, m.aggregateId());
                long streamSeq;
                try (ResultSet rs = seq.executeQuery()) {
                    rs.next();
                    streamSeq = rs.getLong(1);
                }
                for (String subscriber : subscribers) {
                    insert.setObject(1, m.eventId().value());
                    insert.setString(2, subscriber);
                    insert.setString(3, m.tenant().value());
                    insert.setString(4, m.aggregateType());
                    insert.setString(5, m.aggregateId());
                    insert.setLong(6, streamSeq);
                    insert.setString(7, m.eventType());
                    Sql.setInstant(insert, 8, m.occurredAt());
                    insert.setString(9, m.payload());
                    Sql.setInstant(insert, 10, now);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Override
    public OutboxClaim claim(int max, Instant now, Duration lease) {
        if (tx.joined()) {
            // Inside a caller's transaction the claim would not be committed before the deliveries.
            throw new IllegalStateException("the outbox relay must not run inside a transaction");
        }
        UUID token = UUID.randomUUID();
        Instant until = now.plus(lease);
        List<OutboxRecord> batch = tx.inSingleStatement(c -> {
            try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                Sql.setInstant(claim, 1, now);
                claim.setInt(2, max);
                Sql.setInstant(claim, 3, until);
                claim.setObject(4, token);
                List<OutboxRecord> out = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
        batch.sort(Comparator.comparingLong(OutboxRecord::id));
        // Then the logs: their feeds first (what committed since), then their due cursors.
        for (PostgresLogDeliveries log : logs) {
            if (batch.size() >= max || subscribers.isEmpty()) {
                break;
            }
            log.feed(subscribers, now);
            batch.addAll(log.claim(subscribers, max - batch.size(), now, until, token));
        }
        return new OutboxClaim(token, until, batch);
    }

    @Override
    public boolean complete(OutboxClaim claim, OutboxRecord r, DeliveryOutcome outcome, Instant now) {
        PostgresLogDeliveries log = r.id() < 0 ? log(r.message().aggregateType()) : null;
        if (log != null) {
            return log.complete(claim, r, outcome, now);
        }
        String set;
        if (outcome instanceof DeliveryOutcome.Delivered) {
            set = "status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, " + PRUNE_PAYLOAD;
        } else if (outcome instanceof DeliveryOutcome.Retry) {
            set = "attempts = attempts + 1, next_attempt_at = ?, last_error = ?";
        } else if (outcome instanceof DeliveryOutcome.Released) {
            set = "next_attempt_at = ?";
        } else {
            set = "status = 'DEAD', attempts = attempts + 1, last_error = ?, dead_at = ?";
        }
        // Only under the claim's lease: past it, another relay may hold the row and deliver it itself.
        String sql = "UPDATE gru_outbox SET " + set + ", lease = NULL WHERE id = ? AND lease = ?";
        return tx.inSingleStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = 1;
                if (outcome instanceof DeliveryOutcome.Delivered d) {
                    Sql.setInstant(ps, next++, d.at());
                } else if (outcome instanceof DeliveryOutcome.Retry retry) {
                    Sql.setInstant(ps, next++, retry.nextAttemptAt());
                    ps.setString(next++, truncate(retry.error()));
                } else if (outcome instanceof DeliveryOutcome.Released released) {
                    Sql.setInstant(ps, next++, released.dueAt());
                } else {
                    ps.setString(next++, truncate(((DeliveryOutcome.Dead) outcome).error()));
                    Sql.setInstant(ps, next++, now);
                }
                ps.setLong(next++, r.id());
                ps.setObject(next, claim.lease());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String truncate(String error) {
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    @Override
    public List<OutboxRecord> stream(String subscriber, String tenant, String aggregateType, String aggregateId) {
        PostgresLogDeliveries log = log(aggregateType);
        List<OutboxRecord> copies = copies(subscriber, tenant, aggregateType, aggregateId);
        if (log == null) {
            return copies;
        }
        List<OutboxRecord> out = new ArrayList<>(copies);
        out.addAll(log.stream(subscriber, tenant, aggregateId));
        return out;
    }

    private List<OutboxRecord> copies(String subscriber, String tenant, String aggregateType, String aggregateId) {
        return query(
                "SELECT " + COLUMNS + " FROM gru_outbox o WHERE o.subscriber = ? AND o.tenant_id = ?"
                        + " AND o.aggregate_type = ? AND o.aggregate_id = ? ORDER BY o.stream_seq",
                subscriber,
                tenant,
                aggregateType,
                aggregateId);
    }

    @Override
    public List<OutboxRecord> withStatus(OutboxStatus status, int limit) {
        List<OutboxRecord> out = new ArrayList<>(query(
                "SELECT " + COLUMNS + " FROM gru_outbox o WHERE o.status = ? ORDER BY o.id LIMIT " + Math.max(0, limit),
                status.name()));
        // The logs list their dead letters and what they owe (a cursor's next event, a retried dead letter,
        // an event the feed has not seen): the oldest pending delivery is what the health check's lag reads.
        // Their delivered events are read per aggregate ({@link #stream}): a log keeps no row per delivery.
        for (PostgresLogDeliveries log : logs) {
            if (status == OutboxStatus.DEAD && out.size() < limit) {
                out.addAll(log.dead(limit - out.size()));
            } else if (status == OutboxStatus.PENDING) {
                out.addAll(log.pending(subscribers, limit));
            }
        }
        if (status == OutboxStatus.PENDING && !logs.isEmpty()) {
            out.sort(java.util.Comparator.comparing(
                    (OutboxRecord r) -> r.message().occurredAt()));
            return out.size() > limit ? List.copyOf(out.subList(0, Math.max(0, limit))) : out;
        }
        return out;
    }

    @Override
    public long count(OutboxStatus status) {
        long inLogs = 0;
        for (PostgresLogDeliveries log : logs) {
            inLogs += subscribers.isEmpty() ? 0 : log.count(status, subscribers);
        }
        return inLogs + copies(status);
    }

    private long copies(OutboxStatus status) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM gru_outbox WHERE status = ?")) {
                ps.setString(1, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public boolean retryDead(EventId eventId, String subscriber, Instant now) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_outbox SET status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = ?, dead_at = NULL WHERE event_id = ? AND subscriber = ? AND status = 'DEAD'"
                    + " AND NOT " + PRUNED)) {
                Sql.setInstant(ps, 1, now);
                ps.setObject(2, eventId.value());
                ps.setString(3, subscriber);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            for (PostgresLogDeliveries log : logs) {
                if (log.retryDead(c, eventId, subscriber, now)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public int pruneDeadLetters(Instant deadBefore) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_outbox SET " + PRUNE_PAYLOAD
                    + " WHERE status = 'DEAD' AND dead_at < ? AND NOT " + PRUNED)) {
                Sql.setInstant(ps, 1, deadBefore);
                int pruned = ps.executeUpdate();
                for (PostgresLogDeliveries log : logs) {
                    pruned += log.expireDeadLetters(c, deadBefore);
                }
                return pruned;
            }
        });
    }

    private List<OutboxRecord> query(String sql, String... params) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                List<OutboxRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    private static OutboxRecord read(ResultSet rs) throws SQLException {
        OutboxMessage m = new OutboxMessage(
                EventId.of(rs.getObject("event_id", UUID.class)),
                TenantId.of(rs.getString("tenant_id")),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                rs.getString("event_type"),
                Sql.requiredInstant(rs, "occurred_at"),
                rs.getString("payload"));
        return new OutboxRecord(
                rs.getLong("id"),
                rs.getString("subscriber"),
                m,
                rs.getLong("stream_seq"),
                OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                Sql.requiredInstant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                Sql.instant(rs, "delivered_at"));
    }
}
