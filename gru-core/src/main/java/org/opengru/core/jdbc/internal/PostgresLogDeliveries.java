package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.EventId;
import org.opengru.core.jdbc.EventLogTables;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.OutboxClaim;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.tenancy.TenantId;

/**
 * Delivers one aggregate's event log ({@link EventLogTables}) through the {@link PostgresOutbox}: no copy
 * of an event is written for the subscribers, the relay keeps a cursor per subscriber and aggregate.
 *
 * <ol>
 *   <li><b>Feed</b> (one autocommitted statement per subscriber): the events of each tenant past the
 *       subscriber's feed cursor and below the commit watermark ({@code tx < pg_snapshot_xmin}: every
 *       transaction below it has ended, so no event can still commit behind the cursor) make their
 *       aggregate's cursor due and raise its {@code last_seq}; the feed cursor moves past them.
 *   <li><b>Claim</b> (one autocommitted statement): due cursors {@code FOR UPDATE SKIP LOCKED}, leased as the
 *       outbox's rows are; each yields its next event (the first whose sequences pass {@code delivered_seq}),
 *       with the webhook's {@code data} read now. One event per cursor and claim: the next one waits for
 *       the outcome, so order per aggregate holds whoever holds the cursor. Retried dead letters are
 *       claimed the same way.
 *   <li><b>Outcome</b> (one statement, only under the claim's token): delivered moves the cursor; a failure
 *       keeps it and sets the next attempt; dead writes a dead letter and moves the cursor past it. The
 *       cursor is due again at once if the feed saw later events ({@code last_seq}), which it may have
 *       raised while the lease ran: the cursor's row lock orders the two statements, so none is lost.
 * </ol>
 *
 * <p>A claimed record's {@link OutboxRecord#id()} is {@value #CURSOR} (a cursor's event) or {@value
 * #DEAD_LETTER} (a retried dead letter): the outbox routes the outcome here by it.
 */
final class PostgresLogDeliveries {

    static final long CURSOR = -1;
    static final long DEAD_LETTER = -2;

    /** Events the feed reads per tenant and statement. */
    private static final int FEED_BATCH = 1000;

    private final JdbcTransactions tx;
    private final EventLogTables log;
    private final String a;
    private final String feedSql;
    private final String claimSql;
    private final String claimDeadSql;
    private final String streamSql;
    private final String pendingSql;
    private final String tenantsSql;
    private final String unfedSql;

    PostgresLogDeliveries(JdbcTransactions tx, EventLogTables log) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.log = Objects.requireNonNull(log, "log");
        this.a = log.aggregateColumn();
        String e = log.eventTable();
        String n = "coalesce(json_array_length(e.payload -> 'events'), 1)";
        // The log's tenants, one index probe each (a skip scan): never a scan of the whole log.
        String tenants = "t AS (SELECT min(tenant_id) AS tenant_id FROM " + e
                + " UNION ALL SELECT (SELECT min(tenant_id) FROM " + e + " WHERE tenant_id > t.tenant_id)"
                + " FROM t WHERE t.tenant_id IS NOT NULL)";
        // The events of a tenant t that subscriber s's feed has not seen yet.
        String unfed = " LEFT JOIN " + log.feedTable() + " f ON f.tenant_id = t.tenant_id AND f.subscriber = s.name"
                + " JOIN " + e + " e ON e.tenant_id = t.tenant_id AND e.webhook_seq IS NOT NULL AND (e.tx, e." + a
                + ", e.position) > (coalesce(f.tx, '0'::xid8), coalesce(f." + a
                + ", '00000000-0000-0000-0000-000000000000'::uuid), coalesce(f.position, -1))";
        this.tenantsSql = tenants;
        this.unfedSql = unfed;
        this.feedSql = "WITH RECURSIVE " + tenants + ","
                + " w AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),"
                + " seen AS (SELECT t.tenant_id, x.tx, x.agg, x.position, x.webhook_seq, x.n FROM t CROSS JOIN w"
                + " LEFT JOIN " + log.feedTable() + " f ON f.tenant_id = t.tenant_id AND f.subscriber = ?"
                + " CROSS JOIN LATERAL (SELECT e.tx, e." + a + " AS agg, e.position, e.webhook_seq, " + n + " AS n"
                + " FROM " + e + " e WHERE e.tenant_id = t.tenant_id AND e.tx < w.xmin"
                + " AND (e.tx, e." + a + ", e.position) > (coalesce(f.tx, '0'::xid8),"
                + " coalesce(f." + a + ", '00000000-0000-0000-0000-000000000000'::uuid), coalesce(f.position, -1))"
                + " ORDER BY e.tx, e." + a + ", e.position LIMIT " + FEED_BATCH + ") x"
                + " WHERE t.tenant_id IS NOT NULL),"
                + " cur AS (INSERT INTO " + log.feedTable() + " AS f (tenant_id, subscriber, tx, " + a + ", position)"
                + " SELECT DISTINCT ON (tenant_id) tenant_id, ?, tx, agg, position FROM seen"
                + " ORDER BY tenant_id, tx DESC, agg DESC, position DESC"
                + " ON CONFLICT (tenant_id, subscriber) DO UPDATE SET tx = excluded.tx, " + a + " = excluded." + a
                + ", position = excluded.position"
                // A slower relay's older range never moves the cursor back.
                + " WHERE (f.tx, f." + a + ", f.position) < (excluded.tx, excluded." + a + ", excluded.position)"
                + " RETURNING 1),"
                + " owed AS (SELECT tenant_id, agg, max(webhook_seq + n - 1) AS last FROM seen"
                + " WHERE webhook_seq IS NOT NULL GROUP BY tenant_id, agg),"
                + " due AS (INSERT INTO " + log.deliveryTable() + " AS d (tenant_id, subscriber, " + a
                + ", delivered_seq, last_seq, next_attempt_at) SELECT tenant_id, ?, agg, 0, last, ? FROM owed"
                + " ON CONFLICT (tenant_id, subscriber, " + a + ") DO UPDATE SET"
                + " last_seq = greatest(d.last_seq, excluded.last_seq),"
                + " next_attempt_at = CASE WHEN d.next_attempt_at IS NULL AND excluded.last_seq > d.delivered_seq"
                + " THEN excluded.next_attempt_at ELSE d.next_attempt_at END RETURNING 1)"
                + " SELECT (SELECT count(*) FROM seen), (SELECT count(*) FROM due), (SELECT count(*) FROM cur)";
        // The event holding the first sequence at or after want (up to upto): the first whose last sequence reaches it.
        String event =
                " LEFT JOIN LATERAL (SELECT e.tenant_id, e." + a + ", e.type, e.details, e.payload, e.occurred_at,"
                        + " greatest({want}, e.webhook_seq) AS seq, e.payload -> 'events' -> (greatest({want}, e.webhook_seq)"
                        + " - e.webhook_seq)::int AS ev FROM " + e + " e WHERE e.tenant_id = l.tenant_id AND e." + a
                        + " = l." + a
                        + " AND e.webhook_seq IS NOT NULL AND e.webhook_seq + " + n + " - 1 >= {want}"
                        + " AND e.webhook_seq <= {upto} ORDER BY e.position LIMIT 1) x ON true"
                        + " LEFT JOIN LATERAL (SELECT " + log.dataSql() + " AS data FROM (SELECT x.tenant_id, x." + a
                        + ", x.type, x.details, x.payload, x.ev -> 'event' AS event) e WHERE x.ev IS NOT NULL"
                        + " AND json_typeof(x.ev) = 'object') y ON true";
        String selected = " SELECT l.tenant_id, l.subscriber, l." + a + "::text AS agg, l.attempts, l.last_error,"
                + " x.seq, x.occurred_at, x.ev ->> 'type' AS event_type, x.ev -> 'event' ->> 'eventId' AS event_id,"
                + " y.data, {fallback} AS fallback_seq FROM l";
        this.claimSql = "WITH c AS (SELECT tenant_id, subscriber, " + a + " FROM " + log.deliveryTable()
                + " WHERE next_attempt_at <= ? AND subscriber = ANY (?) ORDER BY next_attempt_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED),"
                + " l AS (UPDATE " + log.deliveryTable() + " d SET next_attempt_at = ?, lease = ?,"
                + " attempts = d.attempts + CASE WHEN d.lease IS NULL THEN 0 ELSE 1 END FROM c"
                + " WHERE d.tenant_id = c.tenant_id AND d.subscriber = c.subscriber AND d." + a + " = c." + a
                + " RETURNING d.*)"
                + fill(selected + event, "l.delivered_seq + 1", "9223372036854775807", "l.last_seq");
        this.claimDeadSql = "WITH c AS (SELECT tenant_id, subscriber, " + a + ", webhook_seq FROM "
                + log.deadLetterTable() + " WHERE retry_at <= ? AND subscriber = ANY (?) ORDER BY retry_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED),"
                + " l AS (UPDATE " + log.deadLetterTable() + " d SET retry_at = ?, lease = ?,"
                + " attempts = d.attempts + CASE WHEN d.lease IS NULL THEN 0 ELSE 1 END FROM c"
                + " WHERE d.tenant_id = c.tenant_id AND d.subscriber = c.subscriber AND d." + a + " = c." + a
                + " AND d.webhook_seq = c.webhook_seq RETURNING d.*)"
                + fill(selected + event, "l.webhook_seq", "l.webhook_seq", "l.webhook_seq");
        // What is owed, as the claims would see it without leasing anything: each cursor's next event, each
        // retried dead letter, and the events the feed has not seen yet (in commit order, at most ? of them).
        this.pendingSql = "WITH RECURSIVE " + tenants + ", l AS ("
                + "SELECT tenant_id, subscriber, " + a + ", attempts, last_error, next_attempt_at,"
                + " delivered_seq + 1 AS want, last_seq AS upto FROM " + log.deliveryTable()
                + " WHERE subscriber = ANY (?) AND last_seq > delivered_seq"
                + " UNION ALL SELECT tenant_id, subscriber, " + a + ", attempts, last_error, retry_at, webhook_seq,"
                + " webhook_seq FROM " + log.deadLetterTable() + " WHERE retry_at IS NOT NULL AND subscriber = ANY (?)"
                + " UNION ALL (SELECT t.tenant_id, s.name, e." + a + ", 0, NULL, e.occurred_at, e.webhook_seq,"
                + " e.webhook_seq + " + n + " - 1 FROM unnest(?::text[]) s(name) CROSS JOIN t" + unfed
                + " WHERE t.tenant_id IS NOT NULL ORDER BY e.tx, e." + a + ", e.position LIMIT ?))"
                + fill(selected.replace(" FROM l", ", l.next_attempt_at FROM l") + event, "l.want", "l.upto", "l.want")
                + " ORDER BY x.occurred_at NULLS LAST, l.tenant_id, l.subscriber, l." + a + " LIMIT ?";
        this.streamSql = "SELECT x.seq, x.occurred_at, x.ev ->> 'type' AS event_type,"
                + " x.ev -> 'event' ->> 'eventId' AS event_id, y.data, d.delivered_seq, dl.attempts AS dead_attempts,"
                + " dl.last_error AS dead_error, dl.retry_at, dl.expired, d.attempts, d.last_error, d.next_attempt_at"
                + " FROM (SELECT e.tenant_id, e." + a + ", e.type, e.details, e.payload, e.occurred_at,"
                + " e.webhook_seq + i.ord - 1"
                + " AS seq, i.ev FROM " + e
                + " e CROSS JOIN LATERAL json_array_elements(coalesce(e.payload -> 'events',"
                + " '[]'::json)) WITH ORDINALITY AS i(ev, ord) WHERE e.tenant_id = ? AND e." + a + " = ?"
                + " AND e.webhook_seq IS NOT NULL) x"
                + " LEFT JOIN LATERAL (SELECT " + log.dataSql() + " AS data FROM (SELECT x.tenant_id, x." + a
                + ", x.type, x.details, x.payload, x.ev -> 'event' AS event) e WHERE json_typeof(x.ev) = 'object')"
                + " y ON true"
                + " LEFT JOIN " + log.deliveryTable() + " d ON d.tenant_id = x.tenant_id AND d.subscriber = ?"
                + " AND d." + a + " = x." + a
                + " LEFT JOIN " + log.deadLetterTable() + " dl ON dl.tenant_id = x.tenant_id AND dl.subscriber = ?"
                + " AND dl." + a + " = x." + a + " AND dl.webhook_seq = x.seq"
                + " WHERE y.data IS NOT NULL ORDER BY x.seq";
    }

    private static String fill(String sql, String want, String upto, String fallback) {
        return sql.replace("{want}", want).replace("{upto}", upto).replace("{fallback}", fallback);
    }

    String aggregateType() {
        return log.aggregateType();
    }

    /** Moves each subscriber's feed; returns how many events it saw. Autocommitted. */
    int feed(Set<String> subscribers, Instant now) {
        int seen = 0;
        for (String subscriber : subscribers) {
            seen += tx.inSingleStatement(c -> {
                try (PreparedStatement ps = c.prepareStatement(feedSql)) {
                    ps.setString(1, subscriber);
                    ps.setString(2, subscriber);
                    ps.setString(3, subscriber);
                    Sql.setInstant(ps, 4, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        }
        return seen;
    }

    /** Claims due cursors and retried dead letters, at most {@code max} in all, under {@code token}. */
    List<OutboxRecord> claim(Set<String> subscribers, int max, Instant now, Instant until, UUID token) {
        List<OutboxRecord> out = new ArrayList<>();
        List<OutboxRecord> nothingToSend = new ArrayList<>();
        claim(claimSql, CURSOR, subscribers, max, now, until, token, out, nothingToSend);
        if (out.size() + nothingToSend.size() < max) {
            claim(
                    claimDeadSql,
                    DEAD_LETTER,
                    subscribers,
                    max - out.size() - nothingToSend.size(),
                    now,
                    until,
                    token,
                    out,
                    nothingToSend);
        }
        // Erased events (or a delivered domain event copied without its text) have nothing left to send.
        OutboxClaim claim = new OutboxClaim(token, until, List.of());
        for (OutboxRecord r : nothingToSend) {
            complete(claim, r, new DeliveryOutcome.Delivered(now), now);
        }
        return out;
    }

    private void claim(
            String sql,
            long kind,
            Set<String> subscribers,
            int max,
            Instant now,
            Instant until,
            UUID token,
            List<OutboxRecord> out,
            List<OutboxRecord> nothingToSend) {
        tx.inSingleStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.setInstant(ps, 1, now);
                ps.setArray(2, c.createArrayOf("text", subscribers.toArray()));
                ps.setInt(3, max);
                Sql.setInstant(ps, 4, until);
                ps.setObject(5, token);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OutboxRecord r = record(rs, kind, until);
                        if (r.message().payloadPruned()) {
                            nothingToSend.add(r);
                        } else {
                            out.add(r);
                        }
                    }
                }
            }
            return null;
        });
    }

    /** Where there is nothing to send, a placeholder whose outcome only moves the cursor. */
    private static final String NOTHING = OutboxMessage.prunedPayload("{}");

    private OutboxRecord record(ResultSet rs, long kind, Instant until) throws SQLException {
        String data = rs.getString("data");
        long seq = rs.getLong("seq");
        boolean missing = data == null;
        if (rs.wasNull()) {
            seq = rs.getLong("fallback_seq"); // no event left to send: the cursor catches up with the feed
        }
        String eventId = rs.getString("event_id");
        String type = rs.getString("event_type");
        OutboxMessage m = new OutboxMessage(
                EventId.of(eventId == null ? new UUID(0, 0) : UUID.fromString(eventId)),
                TenantId.of(rs.getString("tenant_id")),
                log.aggregateType(),
                rs.getString("agg"),
                type == null ? "Erased" : type,
                missing || rs.getTimestamp("occurred_at") == null ? until : Sql.requiredInstant(rs, "occurred_at"),
                missing ? NOTHING : data);
        return new OutboxRecord(
                kind,
                rs.getString("subscriber"),
                m,
                seq,
                OutboxStatus.PENDING,
                rs.getInt("attempts"),
                until,
                rs.getString("last_error"),
                null);
    }

    /** Stores an outcome under the claim's token; false when the lease passed to another relay. */
    boolean complete(OutboxClaim claim, OutboxRecord r, DeliveryOutcome outcome, Instant now) {
        String key = " WHERE tenant_id = ? AND subscriber = ? AND " + a + " = ?::uuid";
        boolean cursor = r.id() == CURSOR;
        boolean dead = cursor && outcome instanceof DeliveryOutcome.Dead;
        String sql;
        if (cursor) {
            String advance =
                    "delivered_seq = greatest(delivered_seq, ?), attempts = 0, last_error = NULL, lease = NULL,"
                            + " next_attempt_at = CASE WHEN last_seq > greatest(delivered_seq, ?) THEN ?::timestamptz END";
            if (outcome instanceof DeliveryOutcome.Delivered) {
                sql = "UPDATE " + log.deliveryTable() + " SET " + advance + key + " AND lease = ?";
            } else if (outcome instanceof DeliveryOutcome.Retry) {
                sql = "UPDATE " + log.deliveryTable()
                        + " SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, lease = NULL" + key
                        + " AND lease = ?";
            } else if (outcome instanceof DeliveryOutcome.Released) {
                sql = "UPDATE " + log.deliveryTable() + " SET next_attempt_at = ?, lease = NULL" + key
                        + " AND lease = ?";
            } else {
                // The dead letter and the cursor past it, in one statement, only under the token.
                sql = "WITH m AS (UPDATE " + log.deliveryTable() + " SET " + advance + key
                        + " AND lease = ? RETURNING tenant_id, subscriber, " + a + ")"
                        + " INSERT INTO " + log.deadLetterTable() + " AS dl (tenant_id, subscriber, " + a
                        + ", webhook_seq, event_id, attempts, last_error, dead_at)"
                        + " SELECT tenant_id, subscriber, " + a + ", ?, ?, ?, ?, ? FROM m"
                        + " ON CONFLICT (tenant_id, subscriber, " + a + ", webhook_seq) DO UPDATE SET"
                        + " attempts = excluded.attempts, last_error = excluded.last_error, dead_at = excluded.dead_at,"
                        + " retry_at = NULL, lease = NULL, expired = false RETURNING 1";
            }
        } else {
            String dlKey = key + " AND webhook_seq = ? AND lease = ?";
            if (outcome instanceof DeliveryOutcome.Delivered) {
                sql = "DELETE FROM " + log.deadLetterTable() + dlKey;
            } else if (outcome instanceof DeliveryOutcome.Retry) {
                sql = "UPDATE " + log.deadLetterTable()
                        + " SET attempts = attempts + 1, retry_at = ?, last_error = ?, lease = NULL" + dlKey;
            } else if (outcome instanceof DeliveryOutcome.Released) {
                sql = "UPDATE " + log.deadLetterTable() + " SET retry_at = ?, lease = NULL" + dlKey;
            } else {
                sql = "UPDATE " + log.deadLetterTable()
                        + " SET attempts = attempts + 1, last_error = ?, dead_at = ?, retry_at = NULL, lease = NULL"
                        + dlKey;
            }
        }
        return tx.inSingleStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (outcome instanceof DeliveryOutcome.Retry retry) {
                    Sql.setInstant(ps, i++, retry.nextAttemptAt());
                    ps.setString(i++, truncate(retry.error()));
                } else if (outcome instanceof DeliveryOutcome.Released released) {
                    Sql.setInstant(ps, i++, released.dueAt());
                } else if (cursor) { // delivered or dead: the cursor moves past the event
                    ps.setLong(i++, r.streamSequence());
                    ps.setLong(i++, r.streamSequence());
                    Sql.setInstant(ps, i++, now);
                } else if (outcome instanceof DeliveryOutcome.Dead d) {
                    ps.setString(i++, truncate(d.error()));
                    Sql.setInstant(ps, i++, now);
                }
                ps.setString(i++, r.message().tenant().value());
                ps.setString(i++, r.subscriber());
                ps.setString(i++, r.message().aggregateId());
                if (!cursor) {
                    ps.setLong(i++, r.streamSequence());
                }
                ps.setObject(i++, claim.lease());
                if (dead) {
                    ps.setLong(i++, r.streamSequence());
                    ps.setObject(i++, r.message().eventId().value());
                    ps.setInt(i++, r.attempts() + 1);
                    ps.setString(i++, truncate(((DeliveryOutcome.Dead) outcome).error()));
                    Sql.setInstant(ps, i, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String truncate(String error) {
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    /** The deliveries of one aggregate's events to one subscriber, by sequence. */
    List<OutboxRecord> stream(String subscriber, String tenant, String aggregateId) {
        UUID id;
        try {
            id = UUID.fromString(aggregateId);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(streamSql)) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                ps.setString(3, subscriber);
                ps.setString(4, subscriber);
                List<OutboxRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(streamRecord(rs, subscriber, tenant, aggregateId));
                    }
                }
                return out;
            }
        });
    }

    private OutboxRecord streamRecord(ResultSet rs, String subscriber, String tenant, String aggregateId)
            throws SQLException {
        long seq = rs.getLong("seq");
        long delivered = rs.getLong("delivered_seq");
        boolean dead = rs.getObject("dead_attempts") != null;
        Instant retryAt = Sql.instant(rs, "retry_at");
        OutboxStatus status = dead && retryAt == null
                ? OutboxStatus.DEAD
                : !dead && seq <= delivered ? OutboxStatus.DELIVERED : OutboxStatus.PENDING;
        String data = rs.getString("data");
        Instant occurred = Sql.requiredInstant(rs, "occurred_at");
        boolean expired = dead && rs.getBoolean("expired");
        OutboxMessage m = new OutboxMessage(
                EventId.of(UUID.fromString(rs.getString("event_id"))),
                TenantId.of(tenant),
                log.aggregateType(),
                aggregateId,
                rs.getString("event_type"),
                occurred,
                status == OutboxStatus.DELIVERED || expired ? OutboxMessage.prunedPayload(data) : data);
        @Nullable Instant next = status == OutboxStatus.DEAD ? null : Sql.instant(rs, "next_attempt_at");
        return new OutboxRecord(
                dead ? DEAD_LETTER : CURSOR,
                subscriber,
                m,
                seq,
                status,
                dead ? rs.getInt("dead_attempts") : status == OutboxStatus.DELIVERED ? 1 : rs.getInt("attempts"),
                next == null ? (retryAt == null ? occurred : retryAt) : next,
                dead ? rs.getString("dead_error") : status == OutboxStatus.PENDING ? rs.getString("last_error") : null,
                null);
    }

    /**
     * The pending deliveries across the log, oldest event first, at most {@code limit}: each cursor's next
     * event (with its attempts and last error), each retried dead letter, and the events the feed has not
     * seen yet. Reads only: nothing is leased, the feed does not move.
     */
    List<OutboxRecord> pending(Set<String> subscribers, int limit) {
        if (subscribers.isEmpty() || limit <= 0) {
            return List.of();
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(pendingSql)) {
                java.sql.Array names = c.createArrayOf("text", subscribers.toArray());
                ps.setArray(1, names);
                ps.setArray(2, names);
                ps.setArray(3, names);
                ps.setInt(4, limit);
                ps.setInt(5, limit);
                List<OutboxRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant next = Sql.requiredInstant(rs, "next_attempt_at");
                        OutboxRecord r = record(rs, CURSOR, next);
                        if (!r.message().payloadPruned()) { // an erased event is owed nothing but a cursor move
                            out.add(r);
                        }
                    }
                }
                return out;
            }
        });
    }

    /** Pending (owed or retried) or dead deliveries across the log, for the subscribers. */
    long count(OutboxStatus status, Set<String> subscribers) {
        String sql = switch (status) {
            case DEAD ->
                "SELECT count(*) FROM " + log.deadLetterTable() + " WHERE retry_at IS NULL AND subscriber = ANY (?)";
            case PENDING ->
                "SELECT coalesce((SELECT sum(greatest(last_seq - delivered_seq, 0)) FROM "
                        + log.deliveryTable() + " WHERE subscriber = ANY (?1)), 0)"
                        + " + (SELECT count(*) FROM " + log.deadLetterTable()
                        + " WHERE retry_at IS NOT NULL AND subscriber = ANY (?1))"
                        // Events the feed has not seen yet, per subscriber (the cursors above hold the rest).
                        + " + coalesce((WITH RECURSIVE " + tenantsSql
                        + " SELECT sum(coalesce(json_array_length(e.payload -> 'events'), 1))"
                        + " FROM unnest(?1::text[]) s(name) CROSS JOIN t" + unfedSql + "), 0)";
            case DELIVERED ->
                "SELECT coalesce(sum(delivered_seq), 0) - (SELECT count(*) FROM " + log.deadLetterTable()
                        + " WHERE subscriber = ANY (?1)) FROM " + log.deliveryTable() + " WHERE subscriber = ANY (?1)";
        };
        // JDBC has no numbered parameters: the one array is bound to every mark.
        String bound = sql.replace("?1", "?");
        long marks = bound.chars().filter(ch -> ch == '?').count();
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(bound)) {
                for (int i = 1; i <= marks; i++) {
                    ps.setArray(i, c.createArrayOf("text", subscribers.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Dead letters, oldest first (the other states are read per aggregate, {@link #stream}). */
    List<OutboxRecord> dead(int limit) {
        List<String[]> keys = tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id, subscriber, " + a + "::text FROM "
                    + log.deadLetterTable() + " WHERE retry_at IS NULL ORDER BY dead_at LIMIT ?")) {
                ps.setInt(1, Math.max(0, limit));
                List<String[]> k = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        k.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
                return k;
            }
        });
        List<OutboxRecord> out = new ArrayList<>();
        for (String[] k : keys.stream().distinct().toList()) {
            for (OutboxRecord r : stream(k[1], k[0], k[2])) {
                if (r.status() == OutboxStatus.DEAD && !out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** Sets a dead letter due again; false when there is none, it is being retried, or it expired. */
    boolean retryDead(Connection c, EventId eventId, String subscriber, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + log.deadLetterTable() + " SET retry_at = ?,"
                + " attempts = 0 WHERE event_id = ? AND subscriber = ? AND retry_at IS NULL AND NOT expired")) {
            Sql.setInstant(ps, 1, now);
            ps.setObject(2, eventId.value());
            ps.setString(3, subscriber);
            return ps.executeUpdate() == 1;
        }
    }

    /** Expires the dead letters older than {@code deadBefore}: no longer retryable, last error dropped. */
    int expireDeadLetters(Connection c, Instant deadBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + log.deadLetterTable()
                + " SET expired = true, last_error = NULL WHERE dead_at < ? AND NOT expired AND retry_at IS NULL")) {
            Sql.setInstant(ps, 1, deadBefore);
            return ps.executeUpdate();
        }
    }
}
