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
import org.opengru.core.internal.IsoInstant;
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

    // A new request binds 37 values (22 for its row, 15 for its event): sized so that the list never grows.
    private final List<Object> params = new ArrayList<>(48);
    private final StringBuilder sql = new StringBuilder(2048);

    private NewRequestWriter() {}

    private String p(@Nullable Object value) {
        params.add(value == null ? NULL : value);
        return "?";
    }

    private static final Object NULL = new Object();

    /**
     * A new request's rows, computed on the caller's thread before it writes or queues them (the request
     * document's JSON, the event payloads, the audit chain's hashes): a batch's writer only binds them.
     */
    static final class Rows {
        final RequestChange change;
        final String tenant;
        final String document;
        final List<String> payloads;
        final List<AuditRecord> audit;
        final List<String> hashes;
        final String head;

        private Rows(RequestChange change, RequestJson json) {
            this.change = change;
            Request r = change.request();
            this.tenant = r.tenant().value();
            // History, numbered from 1 (a new request has none).
            int expected = 1;
            for (HistoryEntry h : change.history()) {
                if (h.sequence() != expected) {
                    throw new org.opengru.core.error.ValidationException(
                            "history.sequence", h.sequence(), "must continue the history at " + expected);
                }
                expected++;
            }
            this.document = json.document(r);
            // The audit chain starts at the genesis hash (the request is new); the request row anchors it. The
            // change's domain events go in its last event's payload, numbered for the webhook from 1.
            this.payloads = PostgresRequestStore.eventPayloads(change, json);
            List<AuditRecord> records = new ArrayList<>();
            List<String> chain = new ArrayList<>();
            String last = AuditHashes.GENESIS;
            for (int i = 0; i < change.history().size(); i++) {
                AuditRecord a =
                        PostgresRequestStore.auditRecord(r, change.history().get(i), payloads.get(i));
                last = AuditHashes.entryHash(a, records.size(), last);
                records.add(a);
                chain.add(last);
            }
            this.audit = records;
            this.hashes = chain;
            this.head = last;
        }

        static Rows of(RequestChange change, RequestJson json) {
            return new Rows(change, json);
        }

        String tenant() {
            return tenant;
        }
    }

    /**
     * @param tolerateDuplicate {@code true} inside a caller's transaction: a duplicate request row is then
     *     skipped (the caller's transaction stays usable) instead of failing the statement with 23505; in
     *     autocommit a plain INSERT spares the speculative insertion of {@code ON CONFLICT}
     */
    static Result write(Connection c, Rows rows, boolean tolerateDuplicate, Texts texts) throws SQLException {
        NewRequestWriter w = new NewRequestWriter();
        w.build(rows, tolerateDuplicate);
        try (PreparedStatement ps = c.prepareStatement(texts.of(rows, tolerateDuplicate, w.sql))) {
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

    /**
     * The statement's text by shape, one store's: the text depends only on whether the key is probed and
     * duplicates tolerated (a new request has one event), so it is built once and the same {@code String}
     * is handed to the driver each time, whose statement cache then finds it by its cached hash and by
     * identity instead of hashing and comparing 1.5 kB per submission. Racy but safe: a lost race
     * builds the same immutable text twice.
     */
    static final class Texts {
        private final String[] oneEvent = new String[4];

        String of(Rows rows, boolean tolerateDuplicate, StringBuilder built) {
            if (rows.audit.size() != 1) {
                return built.toString();
            }
            int shape = (tolerateDuplicate ? 1 : 0) + (tolerateDuplicate && rows.change.idempotency() != null ? 2 : 0);
            String text = oneEvent[shape];
            if (text == null || text.length() != built.length()) {
                text = built.toString();
                oneEvent[shape] = text;
            }
            return text;
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

    private void build(Rows rows, boolean tolerateDuplicate) {
        RequestChange change = rows.change;
        Request r = change.request();
        IdempotencyRecord idem = change.idempotency();
        String tenant = rows.tenant;
        String document = rows.document;
        List<String> payloads = rows.payloads;
        int webhookEvents = change.events().size();
        List<AuditRecord> audit = rows.audit;
        List<String> hashes = rows.hashes;
        String head = rows.head;
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

    /**
     * The batch statement: the request rows and their events of several new requests of one collectivité,
     * each column bound as one array ({@code unnest}), so that one SQL text serves every batch size and the
     * server's prepared plan is reused. Plain INSERTs in autocommit: a taken key, id or reference fails the
     * whole statement (23505) and nothing of the batch is written.
     */
    static final String BATCH_SQL = "WITH req AS (INSERT INTO gru_request (tenant_id, id, reference, procedure_code,"
            + " procedure_ver, team_id, applicant_id, beneficiary_id, status, version, created_at, updated_at,"
            + " received_at, decided_at, implicit, deadline_due_at, deadline_active, document, closed_at,"
            + " audit_length, audit_head, webhook_seq)"
            + " SELECT u.tenant_id, u.id::uuid, u.reference, u.procedure_code, u.procedure_ver::integer, u.team_id,"
            + " u.applicant_id::uuid, u.beneficiary_id::uuid, u.status, u.version::bigint, u.created_at::timestamptz,"
            + " u.updated_at::timestamptz, u.received_at::timestamptz, u.decided_at::timestamptz,"
            + " u.implicit::boolean, u.deadline_due_at::timestamptz, u.deadline_active::boolean, u.document::json,"
            + " u.closed_at::timestamptz, u.audit_length::bigint, u.audit_head, u.webhook_seq::bigint"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(tenant_id, id, reference,"
            + " procedure_code, procedure_ver, team_id, applicant_id, beneficiary_id, status, version, created_at,"
            + " updated_at, received_at, decided_at, implicit, deadline_due_at, deadline_active, document,"
            + " closed_at, audit_length, audit_head, webhook_seq) RETURNING 1),"
            + " ev AS (INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor, type,"
            + " channel, details, payload, previous_hash, hash, usager_id, idempotency_key, fingerprint, webhook_seq)"
            + " SELECT e.tenant_id, e.request_id::uuid, e.position::bigint, e.occurred_at::timestamptz, e.actor,"
            + " e.type, e.channel, e.details::json, e.payload::json, e.previous_hash, e.hash, e.usager_id::uuid,"
            + " e.idempotency_key, e.fingerprint, e.webhook_seq::bigint"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS e(tenant_id,"
            + " request_id, position, occurred_at, actor, type, channel, details, payload, previous_hash, hash,"
            + " usager_id, idempotency_key, fingerprint, webhook_seq) RETURNING 1)"
            + " SELECT (SELECT count(*) FROM req), (SELECT count(*) FROM ev)";

    private static final int REQUEST_COLUMNS = 22;
    private static final int EVENT_COLUMNS = 15;

    /**
     * Writes several new requests of one collectivité in ONE statement (so one commit in autocommit), each
     * with its own events, chain and idempotency key, exactly as {@link #write} writes one.
     *
     * @throws SQLException as the driver throws it: then nothing of the batch was written
     */
    static void writeBatch(Connection c, List<Rows> batch) throws SQLException {
        int events = 0;
        for (Rows rows : batch) {
            events += rows.audit.size();
        }
        String[][] req = new String[REQUEST_COLUMNS][batch.size()];
        String[][] ev = new String[EVENT_COLUMNS][events];
        int e = 0;
        for (int n = 0; n < batch.size(); n++) {
            Rows rows = batch.get(n);
            RequestChange change = rows.change;
            Request r = change.request();
            IdempotencyRecord idem = change.idempotency();
            int webhookEvents = change.events().size();
            String[] row = {
                rows.tenant,
                r.id().value().toString(),
                r.reference().toString(),
                r.procedure().code().value(),
                Integer.toString(r.procedure().version()),
                r.team().value(),
                r.applicant().value().toString(),
                r.beneficiary() == null ? null : r.beneficiary().value().toString(),
                r.status().name(),
                Long.toString(r.version()),
                timestamp(r.createdAt()),
                timestamp(r.updatedAt()),
                timestamp(r.receivedAt()),
                timestamp(r.decision() == null ? null : r.decision().at()),
                Boolean.toString(r.decision() != null && r.decision().implicit()),
                timestamp(r.deadline() == null ? null : r.deadline().dueAt()),
                Boolean.toString(r.deadline() != null && r.deadline().running()),
                rows.document,
                timestamp(PostgresRequestStore.closedAt(r)),
                Integer.toString(rows.audit.size()),
                rows.audit.isEmpty() ? null : rows.head,
                Integer.toString(webhookEvents)
            };
            for (int col = 0; col < REQUEST_COLUMNS; col++) {
                req[col][n] = row[col];
            }
            String previous = AuditHashes.GENESIS;
            for (int position = 0; position < rows.audit.size(); position++, e++) {
                AuditRecord a = rows.audit.get(position);
                String hash = rows.hashes.get(position);
                boolean last = position == rows.audit.size() - 1;
                String[] event = {
                    rows.tenant,
                    r.id().value().toString(),
                    Integer.toString(position),
                    timestamp(a.occurredAt()),
                    a.actor().toString(),
                    a.action(),
                    a.channel(),
                    PostgresRequestStore.detailsJson(a.details()),
                    rows.payloads.get(position),
                    previous,
                    hash,
                    r.applicant().value().toString(),
                    last && idem != null ? idem.key().value() : null,
                    last && idem != null ? idem.fingerprint() : null,
                    last && webhookEvents > 0 ? "1" : null
                };
                for (int col = 0; col < EVENT_COLUMNS; col++) {
                    ev[col][e] = event[col];
                }
                previous = hash;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(BATCH_SQL)) {
            int i = 1;
            for (String[] column : req) {
                ps.setArray(i++, c.createArrayOf("text", column));
            }
            for (String[] column : ev) {
                ps.setArray(i++, c.createArrayOf("text", column));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != batch.size() || rs.getLong(2) != events) {
                    // Cannot happen in autocommit (a plain INSERT writes every row or fails), but a caller must
                    // never be told "filed" for a row that is not there.
                    throw new SQLException("the batch wrote " + rs.getLong(1) + " of " + batch.size() + " requests");
                }
            }
        }
    }

    /**
     * A timestamp as PostgreSQL's text input reads it, rounded to the microsecond as the driver rounds a
     * bound {@link java.time.OffsetDateTime}, so that a batched row stores the instant a lone one would.
     */
    private static @Nullable String timestamp(@Nullable Instant at) {
        if (at == null) {
            return null;
        }
        return IsoInstant.format(at.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
