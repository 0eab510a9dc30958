package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.IdempotencyRecord;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestChange;
import org.opengru.core.timeline.TimelineEntry;

/**
 * Writes a new request (expected version 0) in ONE statement, atomic on its own (so it can run in
 * autocommit: one round trip in all): a chain of data-modifying CTEs where the request row is inserted
 * only if the idempotency key is not stored yet and the row does not exist, and the idempotency record,
 * history, audit, timeline and outbox rows only if the request row was. The caller reads whether the row
 * was inserted and otherwise finds out why (replay, conflict).
 */
final class NewRequestWriter {

    /** What the statement did. */
    record Result(boolean requestInserted) {}

    private final List<Object> params = new ArrayList<>();
    private final StringBuilder sql = new StringBuilder(2048);

    private NewRequestWriter() {}

    private String p(@Nullable Object value) {
        params.add(value == null ? NULL : value);
        return "?";
    }

    private static final Object NULL = new Object();

    /**
     * @param tolerateDuplicate {@code true} inside a caller's transaction: a duplicate request row is then
     *     skipped (the caller's transaction stays usable) instead of failing the statement with 23505; in
     *     autocommit a plain INSERT spares the speculative insertion of {@code ON CONFLICT}
     */
    static Result write(
            Connection c, RequestChange change, Set<String> subscribers, Instant now, boolean tolerateDuplicate)
            throws SQLException {
        NewRequestWriter w = new NewRequestWriter();
        w.build(change, subscribers, now, tolerateDuplicate);
        try (PreparedStatement ps = c.prepareStatement(w.sql.toString())) {
            for (int i = 0; i < w.params.size(); i++) {
                Object v = w.params.get(i);
                if (v == NULL) {
                    ps.setNull(i + 1, java.sql.Types.OTHER);
                } else if (v instanceof Instant t) {
                    Sql.setInstant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Result(rs.getLong(1) > 0);
            }
        }
    }

    /** A parameter with a cast, for cells whose type PostgreSQL cannot infer (VALUES, NULLs). */
    private record Cast(@Nullable Object value, String type) {}

    private static Cast as(@Nullable Object value, String type) {
        return new Cast(value, type);
    }

    /** Appends {@code cells} as parameters separated by commas (each {@link Cast} with its cast). */
    private void cells(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            if (cells[i] instanceof Cast c) {
                sql.append(p(c.value())).append("::").append(c.type());
            } else {
                sql.append(p(cells[i]));
            }
        }
    }

    /** Appends one {@code (…)} row of a VALUES list, after a comma unless it is the first. */
    private void row(boolean first, Object... cells) {
        sql.append(first ? "(" : ", (");
        cells(cells);
        sql.append(')');
    }

    private void build(RequestChange change, Set<String> subscribers, Instant now, boolean tolerateDuplicate) {
        Request r = change.request();
        IdempotencyRecord idem = change.idempotency();
        String tenant = r.tenant().value();
        String document = PostgresRequestStore.JSON.writeValueAsString(r);
        // The audit chain starts at the genesis hash (the request is new); the request row anchors it.
        List<AuditRecord> audit = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String head = AuditHashes.GENESIS;
        for (HistoryEntry h : change.history()) {
            AuditRecord a = PostgresRequestStore.auditRecord(r, h);
            head = AuditHashes.entryHash(a, audit.size(), head);
            audit.add(a);
            hashes.add(head);
        }
        sql.append("WITH ");
        sql.append(
                "req AS (INSERT INTO gru_request (tenant_id, id, reference, procedure_code, procedure_ver, team_id,"
                        + " applicant_id, beneficiary_id, status, version, created_at, updated_at, received_at, decided_at,"
                        + " implicit, deadline_due_at, deadline_active, document, closed_at, audit_length, audit_head) SELECT ");
        cells(
                tenant,
                r.id().value(),
                r.reference().toString(),
                r.procedure().code().value(),
                r.procedure().version(),
                r.team().value(),
                r.applicant().value(),
                as(r.beneficiary() == null ? null : r.beneficiary().value(), "uuid"),
                r.status().name(),
                r.version(),
                as(r.createdAt(), "timestamptz"),
                as(r.updatedAt(), "timestamptz"),
                as(r.receivedAt(), "timestamptz"),
                as(r.decision() == null ? null : r.decision().at(), "timestamptz"),
                r.decision() != null && r.decision().implicit(),
                as(r.deadline() == null ? null : r.deadline().dueAt(), "timestamptz"),
                r.deadline() != null && r.deadline().running(),
                as(document, "json"),
                as(PostgresRequestStore.closedAt(r), "timestamptz"),
                as((long) audit.size(), "bigint"),
                as(audit.isEmpty() ? null : head, "char(64)"));
        if (idem != null) {
            // A key already stored: nothing is written, the caller replays.
            sql.append(" WHERE NOT EXISTS (SELECT 1 FROM gru_idempotency WHERE tenant_id = ")
                    .append(p(tenant))
                    .append(" AND key = ")
                    .append(p(idem.key().value()))
                    .append(')');
        }
        sql.append(tolerateDuplicate ? " ON CONFLICT DO NOTHING RETURNING 1)" : " RETURNING 1)");
        if (idem != null) {
            // No ON CONFLICT: a concurrent twin with the same key makes the whole statement fail (23505)
            // once the twin commits, and the caller then replays the twin's outcome.
            sql.append(", idem AS (INSERT INTO gru_idempotency (tenant_id, key, fingerprint, request_id,"
                    + " result_version, at) SELECT ");
            cells(
                    tenant,
                    idem.key().value(),
                    idem.fingerprint(),
                    idem.requestId().value(),
                    idem.resultVersion(),
                    as(idem.at(), "timestamptz"));
            sql.append(" FROM req)");
        }

        // History, numbered from 1 (a new request has none).
        int expected = 1;
        for (HistoryEntry h : change.history()) {
            if (h.sequence() != expected) {
                throw new org.opengru.core.error.ValidationException(
                        "history.sequence", h.sequence(), "must continue the history at " + expected);
            }
            expected++;
        }
        sql.append(", hist AS (INSERT INTO gru_request_history (tenant_id, request_id, sequence, at, actor, channel,"
                + " action, from_status, to_status, reason, implicit) SELECT v.* FROM req, (VALUES ");
        boolean first = true;
        for (HistoryEntry h : change.history()) {
            row(
                    first,
                    tenant,
                    as(r.id().value(), "uuid"),
                    as(h.sequence(), "int"),
                    as(h.at(), "timestamptz"),
                    h.actor().toString(),
                    h.channel().name(),
                    h.action().name(),
                    as(h.from() == null ? null : h.from().name(), "text"),
                    h.to().name(),
                    as(h.reason(), "text"),
                    as(h.implicit(), "boolean"));
            first = false;
        }
        sql.append(") AS v)");

        String previous = AuditHashes.GENESIS;
        sql.append(", aud AS (INSERT INTO gru_audit (tenant_id, request_id, position, occurred_at, actor, action,"
                + " channel, details, previous_hash, hash) SELECT v.* FROM req, (VALUES ");
        for (int position = 0; position < audit.size(); position++) {
            AuditRecord a = audit.get(position);
            String hash = hashes.get(position);
            row(
                    position == 0,
                    tenant,
                    as(r.id().value(), "uuid"),
                    as((long) position, "bigint"),
                    as(a.occurredAt(), "timestamptz"),
                    a.actor().toString(),
                    a.action(),
                    a.channel(),
                    as(PostgresRequestStore.JSON.writeValueAsString(a.details()), "json"),
                    as(previous, "char(64)"),
                    as(hash, "char(64)"));
            previous = hash;
        }
        sql.append(") AS v)");

        sql.append(", tl AS (INSERT INTO gru_timeline (tenant_id, usager_id, occurred_at, entry_id, module, kind,"
                + " subject_id, channel, summary) SELECT v.* FROM req, (VALUES ");
        first = true;
        for (HistoryEntry h : change.history()) {
            TimelineEntry t = PostgresRequestStore.timelineEntry(r, h);
            row(
                    first,
                    tenant,
                    as(t.usager().value(), "uuid"),
                    as(t.occurredAt(), "timestamptz"),
                    t.entryId(),
                    t.module(),
                    t.kind(),
                    as(t.subjectId(), "text"),
                    as(t.channel(), "text"),
                    t.summary());
            first = false;
        }
        // No ON CONFLICT here nor on the stream row: both are keyed by the request's id, new by now.
        sql.append(") AS v)");

        List<DomainEvent> events = change.events();
        if (!events.isEmpty() && !subscribers.isEmpty()) {
            int n = events.size();
            sql.append(", seq AS (INSERT INTO gru_outbox_stream AS s (tenant_id, aggregate_type, aggregate_id,"
                    + " last_seq) SELECT ");
            cells(tenant, "request", r.id().toString(), as(n, "bigint"));
            sql.append(" FROM req RETURNING last_seq)");
            sql.append(", obx AS (INSERT INTO gru_outbox (event_id, subscriber, tenant_id, aggregate_type,"
                    + " aggregate_id, stream_seq, event_type, occurred_at, payload, next_attempt_at)"
                    + " SELECT v.event_id, sub.name, v.tenant_id, 'request', v.aggregate_id,"
                    + " seq.last_seq - " + n + " + v.ord, v.event_type, v.occurred_at, v.payload, v.next_attempt_at"
                    + " FROM seq, unnest(" + p(subscribers.toArray(String[]::new)) + "::text[]) AS sub(name),"
                    + " (VALUES ");
            first = true;
            int ord = 1;
            for (DomainEvent e : events) {
                OutboxMessage m = PostgresRequestStore.outboxMessage(r, document, e);
                row(
                        first,
                        as(m.eventId().value(), "uuid"),
                        tenant,
                        m.aggregateId(),
                        as(ord++, "bigint"),
                        m.eventType(),
                        as(m.occurredAt(), "timestamptz"),
                        as(m.payload(), "json"),
                        as(now, "timestamptz"));
                first = false;
            }
            sql.append(") AS v(event_id, tenant_id, aggregate_id, ord, event_type, occurred_at, payload,"
                    + " next_attempt_at))");
        }
        sql.append(" SELECT (SELECT count(*) FROM req)");
    }
}
