package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.IdempotencyRecord;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestChange;

/**
 * Writes a new request (expected version 0) in ONE statement, atomic on its own (so it can run in
 * autocommit: one round trip in all): a chain of data-modifying CTEs where the request row is inserted
 * (inside a caller's transaction, only if no event holds the idempotency key yet and the row does not exist;
 * in autocommit a taken key or id fails the whole statement with 23505), and its event (history line,
 * audit entry, timeline line, key and the domain events for the webhook at once, in {@code
 * gru_request_event}) only if the request row was: two rows, no outbox copy (the relay reads the log). The caller reads whether the row was inserted and otherwise finds out why (replay,
 * conflict).
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
    static Result write(Connection c, RequestChange change, boolean tolerateDuplicate) throws SQLException {
        NewRequestWriter w = new NewRequestWriter();
        w.build(change, tolerateDuplicate);
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

    private void build(RequestChange change, boolean tolerateDuplicate) {
        Request r = change.request();
        IdempotencyRecord idem = change.idempotency();
        String tenant = r.tenant().value();
        String document = PostgresRequestStore.JSON.writeValueAsString(r);
        // The audit chain starts at the genesis hash (the request is new); the request row anchors it. The
        // change's domain events go in its last event's payload, numbered for the webhook from 1.
        List<String> payloads = PostgresRequestStore.eventPayloads(change);
        int webhookEvents = change.events().size();
        List<AuditRecord> audit = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String head = AuditHashes.GENESIS;
        for (int i = 0; i < change.history().size(); i++) {
            HistoryEntry h = change.history().get(i);
            AuditRecord a = PostgresRequestStore.auditRecord(r, h, payloads.get(i));
            head = AuditHashes.entryHash(a, audit.size(), head);
            audit.add(a);
            hashes.add(head);
        }
        sql.append("WITH ");
        sql.append("req AS (INSERT INTO gru_request (tenant_id, id, reference, procedure_code, procedure_ver, team_id,"
                + " applicant_id, beneficiary_id, status, version, created_at, updated_at, received_at, decided_at,"
                + " implicit, deadline_due_at, deadline_active, document, closed_at, audit_length, audit_head,"
                + " webhook_seq) SELECT ");
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
                as(audit.isEmpty() ? null : head, "char(64)"),
                as((long) webhookEvents, "bigint"));
        if (idem != null && tolerateDuplicate) {
            // Inside a caller's transaction a key already stored must not fail the statement (23505 would
            // abort that transaction): nothing is written and the caller replays. In autocommit the unique
            // index on the key is enough, and spares every submission this probe: the statement fails with
            // 23505, writes nothing, and the caller finds the key and replays.
            sql.append(" WHERE NOT EXISTS (SELECT 1 FROM gru_request_event WHERE tenant_id = ")
                    .append(p(tenant))
                    .append(" AND idempotency_key = ")
                    .append(p(idem.key().value()))
                    .append(')');
        }
        sql.append(tolerateDuplicate ? " ON CONFLICT DO NOTHING RETURNING 1)" : " RETURNING 1)");
        // History, numbered from 1 (a new request has none).
        int expected = 1;
        for (HistoryEntry h : change.history()) {
            if (h.sequence() != expected) {
                throw new org.opengru.core.error.ValidationException(
                        "history.sequence", h.sequence(), "must continue the history at " + expected);
            }
            expected++;
        }
        // One event per history entry (one in practice), the chain starting at the genesis hash. No ON
        // CONFLICT on the key: a concurrent twin with the same key makes the whole statement fail (23505)
        // once the twin commits, and the caller then replays the twin's outcome.
        String previous = AuditHashes.GENESIS;
        sql.append(", ev AS (INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor, type,"
                + " channel, details, payload, previous_hash, hash, usager_id, idempotency_key, fingerprint, webhook_seq)"
                + " SELECT v.* FROM req, (VALUES ");
        for (int position = 0; position < audit.size(); position++) {
            AuditRecord a = audit.get(position);
            String hash = hashes.get(position);
            boolean last = position == audit.size() - 1;
            row(
                    position == 0,
                    tenant,
                    as(r.id().value(), "uuid"),
                    as((long) position, "bigint"),
                    as(a.occurredAt(), "timestamptz"),
                    a.actor().toString(),
                    a.action(),
                    a.channel(),
                    as(PostgresRequestStore.detailsJson(a.details()), "json"),
                    as(payloads.get(position), "json"),
                    as(previous, "char(64)"),
                    as(hash, "char(64)"),
                    as(r.applicant().value(), "uuid"),
                    as(last && idem != null ? idem.key().value() : null, "text"),
                    as(last && idem != null ? idem.fingerprint() : null, "text"),
                    as(last && webhookEvents > 0 ? 1L : null, "bigint"));
            previous = hash;
        }
        sql.append(") AS v)");

        sql.append(" SELECT (SELECT count(*) FROM req)");
    }
}
