package org.opengru.core.jdbc.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.IdempotencyRecord;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.request.WorkQueueQuery;
import org.opengru.core.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests in PostgreSQL. {@link #apply} writes, in one statement: the request row (optimistic locking
 * on {@code version}) and one event per history entry in the request's log ({@code gru_request_event}:
 * the history line, the audit entry, the applicant's timeline line, the idempotency key and the domain
 * events for the webhook at once). The outbox reads the events from the log (no copy). Nothing lives in the JVM: any number of nodes may share the database.
 */
public final class PostgresRequestStore implements RequestStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = "document::text AS document";

    private final JdbcTransactions tx;
    private final @Nullable SubmissionCombiner combiner;
    /** This store's JSON writers and reader (built once, not shared between stores). */
    private final RequestJson json = new RequestJson();
    /** The new-request statement's text by shape, built once (the driver's statement cache keys on it). */
    private final NewRequestWriter.Texts texts = new NewRequestWriter.Texts();

    public PostgresRequestStore(
            JdbcTransactions tx,
            PostgresOutbox outbox,
            PostgresAuditTrail audit,
            PostgresTimelineStore timeline,
            java.time.Clock clock) {
        this(tx, outbox, audit, timeline, clock, 1, 1);
    }

    /**
     * @param maxBatch the most new requests written by one statement when filed in autocommit ({@code 1}:
     *     each alone, no batching); checked by {@code PostgresPersistence.Builder#submissionBatching}
     * @param inFlight the most such statements running at once (the same)
     */
    public PostgresRequestStore(
            JdbcTransactions tx,
            PostgresOutbox outbox,
            PostgresAuditTrail audit,
            PostgresTimelineStore timeline,
            java.time.Clock clock,
            int maxBatch,
            int inFlight) {
        this.tx = Objects.requireNonNull(tx, "tx");
        // The outbox delivers the request's events from the log; the audit trail and the timeline read it.
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(timeline, "timeline");
        // No combiner at all when batching is off (the default): each request is written alone.
        this.combiner = maxBatch == 1 ? null : new SubmissionCombiner(maxBatch, inFlight, this::writeBatch);
    }

    /**
     * A batch of new requests in one autocommitted statement: alone, the statement a lone caller has always
     * used; several, the batch statement.
     */
    private void writeBatch(List<NewRequestWriter.Rows> batch) throws SQLException {
        try (Connection c = tx.dataSource().getConnection()) {
            c.setAutoCommit(true);
            if (batch.size() == 1) {
                NewRequestWriter.write(c, batch.get(0), false, texts);
            } else {
                NewRequestWriter.writeBatch(c, batch);
            }
        }
    }

    /**
     * How many new requests wait for a writer of the group commit (for tests that line callers up).
     *
     * @return the number queued, 0 without batching
     */
    public int submissionsQueued() {
        return combiner == null ? 0 : combiner.queued();
    }

    /**
     * The group commit's statements so far and the requests they carried (for the benchmarks).
     *
     * @return {statements, requests}, zeros without batching
     */
    public long[] submissionStatements() {
        return combiner == null ? new long[2] : new long[] {combiner.statements(), combiner.requests()};
    }

    @Override
    public Outcome apply(RequestChange change) {
        if (change.expectedVersion() == 0) {
            return insertNew(change);
        }
        IdempotencyRecord idem = change.idempotency();
        try {
            return tx.inSingleStatement(c -> apply(c, change));
        } catch (ConcurrentUpdateException | DataAccessException e) {
            // A concurrent twin with the same key committed first: its version moved the row (or its event
            // holds the key), so this one wrote nothing; replay the twin's outcome.
            if (idem != null
                    && (e instanceof ConcurrentUpdateException || "23505".equals(((DataAccessException) e).sqlState()))
                    && !tx.joined()) {
                Optional<Outcome> replay = tx.inTransaction(
                        c -> idempotency(c, idem.tenant(), idem.key()).isPresent()
                                ? Optional.of(replay(c, change.request(), idem))
                                : Optional.<Outcome>empty());
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
    }

    /** The hot path (filing a request): one statement, autocommitted unless the caller holds a transaction. */
    private Outcome insertNew(RequestChange change) {
        NewRequestWriter.Rows rows = NewRequestWriter.Rows.of(change, json);
        SubmissionCombiner batching = combiner;
        if (batching == null || tx.joined()) {
            return insertAlone(rows);
        }
        SubmissionCombiner.Pending p = batching.submit(rows);
        if (p.state == SubmissionCombiner.State.WRITTEN) {
            return new Outcome(change.request(), false);
        }
        if (p.error instanceof RuntimeException e) {
            throw e;
        }
        if (p.error instanceof Error e) {
            throw e;
        }
        SQLException failure = Objects.requireNonNull(p.failure, "failure");
        if (p.batchSize > 1 && nothingOfTheBatchWritten(failure)) {
            // One request of the batch (or a concurrent batch) broke a rule: nothing of this batch was
            // written. Each caller files its own request alone and gets its own outcome, as without batching.
            return insertAlone(rows);
        }
        // Alone in its statement, or the connection broke: the same exception as without batching (a
        // connection lost during the commit leaves the outcome unknown; the idempotent retry replays it).
        return notInserted(change, DataAccessException.translate("statement", failure));
    }

    /**
     * Whether a failed batch statement is worth writing again request by request: a rule broken by one of
     * them (a taken key, id or reference: class 23), or a deadlock or serialization failure between two
     * batches; in autocommit the statement then wrote nothing.
     */
    private static boolean nothingOfTheBatchWritten(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || "40P01".equals(state) || "40001".equals(state));
    }

    private Outcome insertAlone(NewRequestWriter.Rows rows) {
        RequestChange change = rows.change;
        boolean joined = tx.joined();
        boolean inserted;
        try {
            inserted = tx.inSingleStatement(
                    c -> NewRequestWriter.write(c, rows, joined, texts).requestInserted());
        } catch (DataAccessException e) {
            return notInserted(change, e);
        }
        if (inserted) {
            return new Outcome(change.request(), false);
        }
        return explainNotInserted(change.request(), change.idempotency(), null);
    }

    private Outcome notInserted(RequestChange change, DataAccessException e) {
        if ("23505".equals(e.sqlState()) && !tx.joined()) {
            // A concurrent twin with the same key committed first (replay it), or the id or the
            // reference is taken: the statement wrote nothing, find out which.
            return explainNotInserted(change.request(), change.idempotency(), e);
        }
        throw e;
    }

    private Outcome explainNotInserted(
            Request next, @Nullable IdempotencyRecord idem, @Nullable DataAccessException failure) {
        return tx.inSingleStatement(c -> {
            if (idem != null && idempotency(c, next.tenant(), idem.key()).isPresent()) {
                return replay(c, next, idem);
            }
            long actual = storedVersion(c, next.tenant(), next.id());
            if (actual >= 0) {
                throw new ConcurrentUpdateException("request", next.id().toString(), 0, actual);
            }
            if (failure != null && !referenceTaken(c, next)) {
                throw failure;
            }
            throw new ValidationException("reference", next.reference(), "is already used in " + next.tenant());
        });
    }

    /**
     * A later change in ONE statement (autocommitted unless the caller holds a transaction): the request row
     * is locked {@code FOR UPDATE} at the expected version (and only if no event holds the command's key),
     * the history is checked to continue, each event's hash is finished from the locked chain head (the
     * client sends the encoding around the position, {@link AuditHashes#prefix}, {@link AuditHashes#suffix}),
     * the row moves to the new version with its anchor and webhook sequence, and the events are appended.
     * Nothing is written unless every step passes; then the caller finds out why (replay, conflict, a gap).
     */
    private Outcome apply(Connection c, RequestChange change) throws SQLException {
        Request next = change.request();
        IdempotencyRecord idem = change.idempotency();
        List<HistoryEntry> history = change.history();
        if (history.isEmpty() && !change.events().isEmpty()) {
            throw new ValidationException("events", change.events().size(), "need a history entry to carry them");
        }
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).sequence() != history.get(i - 1).sequence() + 1) {
                throw new ValidationException(
                        "history.sequence",
                        history.get(i).sequence(),
                        "must continue the history at " + (history.get(i - 1).sequence() + 1));
            }
        }
        String document = json.document(next);
        List<String> payloads = eventPayloads(change, json);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            records.add(auditRecord(next, history.get(i), payloads.get(i)));
        }
        int webhookEvents = change.events().size();
        String tenant = next.tenant().value();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(2048);
        sql.append(
                "WITH cur AS (SELECT audit_length AS position, coalesce(audit_head, ?) AS previous, applicant_id,"
                        + " (SELECT coalesce(max((details ->> 'sequence')::int), 0) FROM gru_request_event WHERE tenant_id = ?"
                        + " AND request_id = ? AND details ->> 'sequence' IS NOT NULL AND type NOT IN ('message:POST', 'note:POST'))"
                        + " AS last_sequence FROM gru_request WHERE tenant_id = ? AND id = ? AND version = ? AND reference = ?");
        params.addAll(List.of(
                AuditHashes.GENESIS,
                tenant,
                next.id().value(),
                tenant,
                next.id().value()));
        params.add(change.expectedVersion());
        params.add(next.reference().toString());
        if (idem != null) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM gru_request_event WHERE tenant_id = ? AND idempotency_key = ?)");
            params.add(tenant);
            params.add(idem.key().value());
        }
        sql.append(" FOR UPDATE), ok AS (SELECT * FROM cur WHERE last_sequence = ?)");
        params.add(history.isEmpty() ? 0 : history.get(0).sequence() - 1);
        // One CTE per event: its hash from the previous one's (the first from the locked head).
        for (int i = 0; i < history.size(); i++) {
            AuditRecord a = records.get(i);
            String from = i == 0 ? "ok" : "h" + (i - 1);
            String position = i == 0 ? "ok.position" : "h" + (i - 1) + ".position + 1";
            String previous = i == 0 ? "ok.previous" : "h" + (i - 1) + ".hash";
            sql.append(", h")
                    .append(i)
                    .append(" AS (SELECT ")
                    .append(position)
                    .append(" AS position, ")
                    .append(previous)
                    .append("::text AS previous, encode(sha256(convert_to(? || length((")
                    .append(position)
                    .append(")::text) || ':' || (")
                    .append(position)
                    .append(")::text || ';' || ? ||")
                    .append(" length(")
                    .append(previous)
                    .append("::text) || ':' || ")
                    .append(previous)
                    .append("::text || ';', 'UTF8')), 'hex') AS hash FROM ")
                    .append(from)
                    .append(')');
            params.add(AuditHashes.prefix(a));
            params.add(AuditHashes.suffix(a));
        }
        String last = history.isEmpty() ? "ok" : "h" + (history.size() - 1);
        sql.append(", req AS (UPDATE gru_request r SET team_id = ?, applicant_id = ?, beneficiary_id = ?::uuid,"
                + " status = ?, version = ?, updated_at = ?, received_at = ?, decided_at = ?, implicit = ?,"
                + " deadline_due_at = ?, deadline_active = ?, document = ?::json, closed_at = ?,"
                + " archived_at = CASE WHEN ?::timestamptz IS NULL THEN NULL ELSE archived_at END,"
                + " webhook_seq = r.webhook_seq + ?");
        params.add(next.team().value());
        params.add(next.applicant().value());
        params.add(next.beneficiary() == null ? TYPED_NULL : next.beneficiary().value());
        params.add(next.status().name());
        params.add(next.version());
        params.add(next.updatedAt());
        params.add(orNull(next.receivedAt()));
        params.add(orNull(next.decision() == null ? null : next.decision().at()));
        params.add(next.decision() != null && next.decision().implicit());
        params.add(orNull(next.deadline() == null ? null : next.deadline().dueAt()));
        params.add(next.deadline() != null && next.deadline().running());
        params.add(document);
        params.add(orNull(closedAt(next)));
        params.add(orNull(closedAt(next)));
        params.add((long) webhookEvents);
        if (!history.isEmpty()) {
            sql.append(", audit_length = ")
                    .append(last)
                    .append(".position + 1, audit_head = ")
                    .append(last)
                    .append(".hash");
        }
        sql.append(" FROM ").append(last).append(" WHERE r.tenant_id = ? AND r.id = ? RETURNING r.webhook_seq)");
        params.add(tenant);
        params.add(next.id().value());
        if (!history.isEmpty()) {
            sql.append(
                    ", ev AS (INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor, type,"
                            + " channel, details, payload, previous_hash, hash, usager_id, idempotency_key, fingerprint,"
                            + " webhook_seq)");
            for (int i = 0; i < history.size(); i++) {
                AuditRecord a = records.get(i);
                boolean lastEntry = i == history.size() - 1;
                sql.append(i == 0 ? " " : " UNION ALL ")
                        .append("SELECT ?, ?::uuid, h.position, ?::timestamptz, ?, ?, ?, ?::json, ?::json, h.previous,"
                                + " h.hash, ok.applicant_id, ?, ?, ")
                        .append(
                                lastEntry && webhookEvents > 0
                                        ? "req.webhook_seq - " + (webhookEvents - 1)
                                        : "NULL::bigint")
                        .append(" FROM h")
                        .append(i)
                        .append(" h, ok, req");
                params.add(tenant);
                params.add(next.id().value());
                params.add(a.occurredAt());
                params.add(a.actor().toString());
                params.add(a.action());
                params.add(a.channel());
                params.add(detailsJson(a.details()));
                params.add(payloads.get(i));
                params.add(lastEntry && idem != null ? idem.key().value() : TYPED_NULL);
                params.add(lastEntry && idem != null ? idem.fingerprint() : TYPED_NULL);
            }
            sql.append(" RETURNING 1)");
        }
        sql.append(" SELECT (SELECT count(*) FROM cur), (SELECT last_sequence FROM cur), (SELECT count(*) FROM req)");
        boolean written;
        long lastSequence;
        boolean locked;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object v = params.get(i);
                if (v == TYPED_NULL) {
                    ps.setNull(i + 1, java.sql.Types.VARCHAR);
                } else if (v instanceof Instant t) {
                    Sql.setInstant(ps, i + 1, t);
                } else if (v instanceof NullInstant) {
                    Sql.setInstant(ps, i + 1, null);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                locked = rs.getLong(1) == 1;
                lastSequence = rs.getLong(2);
                written = rs.getLong(3) == 1;
            }
        }
        if (written) {
            return new Outcome(next, false);
        }
        if (idem != null && idempotency(c, next.tenant(), idem.key()).isPresent()) {
            return replay(c, next, idem);
        }
        if (locked) {
            throw new ValidationException(
                    "history.sequence",
                    history.get(0).sequence(),
                    "must continue the history at " + (lastSequence + 1));
        }
        long actual = storedVersion(c, next.tenant(), next.id());
        if (actual != change.expectedVersion()) {
            throw new ConcurrentUpdateException("request", next.id().toString(), change.expectedVersion(), actual);
        }
        throw new ValidationException("reference", next.reference(), "cannot change");
    }

    /** A NULL bound as text (key, fingerprint, beneficiary). */
    private static final Object TYPED_NULL = new Object();

    /** A NULL bound as a timestamp. */
    private record NullInstant() {}

    private static Object orNull(@Nullable Instant at) {
        return at == null ? new NullInstant() : at;
    }

    /**
     * The payloads of a change's events, one per history entry: the reason given to the usager, and on the
     * last one the change's domain events for the webhook ({@code {"type": ..., "event": {...}}}, numbered
     * from the request's {@code webhook_seq}). Their digest is chained in the details ({@code
     * payloadSha256}); the request document stays in the request row (the relay reads it when it sends).
     */
    static List<String> eventPayloads(RequestChange change, RequestJson json) {
        List<String> out = new ArrayList<>();
        List<HistoryEntry> history = change.history();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            boolean last = i == history.size() - 1;
            if (h.reason() == null && (!last || change.events().isEmpty())) {
                out.add("{}");
                continue;
            }
            StringBuilder sb = new StringBuilder(512).append('{');
            if (h.reason() != null) {
                sb.append("\"reason\":").append(json.string(h.reason()));
            }
            if (last && !change.events().isEmpty()) {
                PostgresExchangeStore.appendEvents(
                        sb.append(h.reason() != null ? "," : ""), change.events(), json::event);
            }
            out.add(sb.append('}').toString());
        }
        return out;
    }

    private Outcome replay(Connection c, Request next, @Nullable IdempotencyRecord idem) throws SQLException {
        if (idem == null) {
            throw new IllegalStateException("no idempotency record to replay");
        }
        IdempotencyRecord earlier = idempotency(c, next.tenant(), idem.key()).orElseThrow();
        if (!earlier.fingerprint().equals(idem.fingerprint())) {
            throw new IdempotencyConflictException(idem.key().value());
        }
        return new Outcome(find(c, next.tenant(), earlier.requestId()).orElseThrow(), true);
    }

    /** When the request was closed (decided or withdrawn): retention counts from there. */
    static @Nullable Instant closedAt(Request r) {
        if (r.decision() != null) {
            return r.decision().at();
        }
        return r.status() == RequestStatus.WITHDRAWN ? r.updatedAt() : null;
    }

    private static boolean referenceTaken(Connection c, Request r) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM gru_request WHERE tenant_id = ? AND reference = ?")) {
            ps.setString(1, r.tenant().value());
            ps.setString(2, r.reference().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long storedVersion(Connection c, TenantId tenant, RequestId id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT version FROM gru_request WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /**
     * The audit entry of a history entry: codes, states and digests only, no personal data; with the digest
     * of the event's payload ({@code payloadSha256}, the SHA-256 of its exact text) when it has one, so
     * that the chain covers it while the payload itself can be erased.
     */
    static AuditRecord auditRecord(Request r, HistoryEntry h, String payload) {
        return org.opengru.core.outbox.RecordingRequestStore.auditRecord(
                r, h, "{}".equals(payload) ? null : AuditHashes.sha256(payload));
    }

    /**
     * An audit entry's details as a JSON object, written here rather than by Jackson, which looks up a
     * serializer for the map on every call. Keys are codes ({@link AuditRecord} checks them); values are
     * escaped as JSON requires.
     */
    static String detailsJson(java.util.Map<String, String> details) {
        StringBuilder sb = new StringBuilder(64 + 48 * details.size()).append('{');
        for (java.util.Map.Entry<String, String> e : details.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            jsonString(sb, e.getKey()).append(':');
            jsonString(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /** Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped. */
    static StringBuilder jsonString(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && s.charAt(plain) >= 0x20 && s.charAt(plain) != '"' && s.charAt(plain) != '\\') {
            plain++;
        }
        // Codes and digests have nothing to escape: appended at once rather than char by char.
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public Optional<Request> find(TenantId tenant, RequestId id) {
        // One SELECT: autocommitted, no BEGIN and COMMIT around it (the service reads before each change).
        return tx.inSingleStatement(c -> find(c, tenant, id));
    }

    private Optional<Request> find(Connection c, TenantId tenant, RequestId id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM gru_request WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
            return one(ps);
        }
    }

    @Override
    public Optional<Request> findByReference(TenantId tenant, ShortReference reference) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM gru_request WHERE tenant_id = ? AND reference = ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, reference.toString());
                return one(ps);
            }
        });
    }

    private Optional<Request> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(json.request(rs.getString("document"))) : Optional.empty();
        }
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, RequestId id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT occurred_at, actor, channel, type,"
                    + " details ->> 'sequence' AS sequence, details ->> 'from' AS from_status,"
                    + " details ->> 'to' AS to_status, details ->> 'implicit' AS implicit, payload ->> 'reason' AS reason"
                    + " FROM gru_request_event e WHERE tenant_id = ? AND request_id = ?"
                    + " AND details ->> 'sequence' IS NOT NULL AND type NOT IN ('message:POST', 'note:POST')"
                    // A purged request has no history; its events stay as its audit chain.
                    + " AND EXISTS (SELECT 1 FROM gru_request r WHERE r.tenant_id = e.tenant_id AND r.id = e.request_id)"
                    + " ORDER BY position")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                List<HistoryEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString("from_status");
                        out.add(new HistoryEntry(
                                id,
                                Integer.parseInt(rs.getString("sequence")),
                                Sql.requiredInstant(rs, "occurred_at"),
                                ActorRef.parse(rs.getString("actor")),
                                Channel.valueOf(rs.getString("channel")),
                                RequestAction.valueOf(rs.getString("type")),
                                from == null ? null : RequestStatus.valueOf(from),
                                RequestStatus.valueOf(rs.getString("to_status")),
                                rs.getString("reason"),
                                "true".equals(rs.getString("implicit"))));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public Optional<IdempotencyRecord> idempotency(TenantId tenant, IdempotencyKey key) {
        return tx.inSingleStatement(c -> idempotency(c, tenant, key));
    }

    /** The command's key is on the event it wrote; the version it produced is in the event's details. */
    private static Optional<IdempotencyRecord> idempotency(Connection c, TenantId tenant, IdempotencyKey key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, request_id, details ->> 'version' AS"
                + " version, occurred_at FROM gru_request_event WHERE tenant_id = ? AND idempotency_key = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IdempotencyRecord(
                        tenant,
                        key,
                        rs.getString("fingerprint"),
                        RequestId.of(rs.getObject("request_id", UUID.class)),
                        Long.parseLong(rs.getString("version")),
                        Sql.requiredInstant(rs, "occurred_at")));
            }
        }
    }

    @Override
    public List<Request> byApplicants(TenantId tenant, Set<UsagerId> applicants, RequestQuery query) {
        Object[] ids = applicants.stream().map(UsagerId::value).toArray();
        return select(tenant, "applicant_id", "uuid", ids, query);
    }

    @Override
    public List<Request> byBeneficiaries(TenantId tenant, Set<UsagerId> beneficiaries, RequestQuery query) {
        Object[] ids = beneficiaries.stream().map(UsagerId::value).toArray();
        return select(tenant, "beneficiary_id", "uuid", ids, query);
    }

    @Override
    public List<Request> byTeams(TenantId tenant, Set<TeamId> teams, RequestQuery query) {
        Object[] ids = teams.stream().map(TeamId::value).toArray();
        return select(tenant, "team_id", "text", ids, query);
    }

    private List<Request> select(TenantId tenant, String column, String type, Object[] values, RequestQuery query) {
        if (values.length == 0) {
            return List.of();
        }
        String sql = "SELECT " + COLUMNS + " FROM gru_request WHERE tenant_id = ? AND " + column + " = ANY (?)"
                + (query.statuses().isEmpty() ? "" : " AND status = ANY (?)")
                + (query.before() == null ? "" : " AND id < ?")
                + " ORDER BY id DESC LIMIT ?";
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, tenant.value());
                Array array = c.createArrayOf(type, values);
                ps.setArray(i++, array);
                if (!query.statuses().isEmpty()) {
                    ps.setArray(
                            i++,
                            c.createArrayOf(
                                    "text",
                                    query.statuses().stream().map(Enum::name).toArray()));
                }
                if (query.before() != null) {
                    ps.setObject(i++, query.before().value());
                }
                ps.setInt(i, query.limit());
                return many(ps);
            }
        });
    }

    /** One bound parameter of a query built piece by piece. */
    @FunctionalInterface
    private interface Param {
        void bind(Connection c, PreparedStatement ps, int index) throws SQLException;
    }

    // The team index narrows the rows; the channel and the assignee are read from the document, which is
    // cheap on a team's open requests (a few thousand at most).
    @Override
    public List<Request> workQueue(TenantId tenant, WorkQueueQuery q, int limit) {
        if (q.teams().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM gru_request WHERE tenant_id = ? AND team_id = ANY (?) AND status = ANY (?)");
        List<Param> params = new ArrayList<>();
        params.add((c, ps, i) -> ps.setString(i, tenant.value()));
        params.add(textArray(q.teams().stream().map(TeamId::value).toArray()));
        params.add(textArray(q.effectiveStatuses().stream().map(Enum::name).toArray()));
        if (!q.procedures().isEmpty()) {
            sql.append(" AND procedure_code = ANY (?)");
            params.add(textArray(q.procedures().stream().map(p -> p.value()).toArray()));
        }
        if (!q.channels().isEmpty()) {
            sql.append(" AND (document -> 'intake' ->> 'channel') = ANY (?)");
            params.add(textArray(q.channels().stream().map(Enum::name).toArray()));
        }
        if (q.assignee() != null) {
            sql.append(" AND (document ->> 'assignee') = ?");
            params.add((c, ps, i) -> ps.setString(i, q.assignee().value()));
        }
        if (q.unassigned()) {
            sql.append(" AND (document ->> 'assignee') IS NULL");
        }
        if (q.dueFrom() != null) {
            sql.append(" AND deadline_due_at >= ?");
            params.add((c, ps, i) -> Sql.setInstant(ps, i, q.dueFrom()));
        }
        if (q.dueBefore() != null) {
            sql.append(" AND deadline_due_at < ?");
            params.add((c, ps, i) -> Sql.setInstant(ps, i, q.dueBefore()));
        }
        WorkQueueQuery.Cursor after = q.after();
        if (after != null) {
            Param id = (c, ps, i) -> ps.setObject(i, after.id().value());
            switch (q.sort()) {
                case OLDEST -> {
                    sql.append(" AND id > ?");
                    params.add(id);
                }
                case NEWEST -> {
                    sql.append(" AND id < ?");
                    params.add(id);
                }
                case IMPLICIT_DECISION -> {
                    if (after.dueAt() == null) {
                        sql.append(" AND deadline_due_at IS NULL AND id > ?");
                        params.add(id);
                    } else {
                        Param due = (c, ps, i) -> Sql.setInstant(ps, i, after.dueAt());
                        sql.append(" AND (deadline_due_at > ? OR (deadline_due_at = ? AND id > ?)"
                                + " OR deadline_due_at IS NULL)");
                        params.add(due);
                        params.add(due);
                        params.add(id);
                    }
                }
            }
        }
        sql.append(
                switch (q.sort()) {
                    case OLDEST -> " ORDER BY id";
                    case NEWEST -> " ORDER BY id DESC";
                    case IMPLICIT_DECISION -> " ORDER BY deadline_due_at NULLS LAST, id";
                });
        sql.append(" LIMIT ?");
        params.add((c, ps, i) -> ps.setInt(i, limit));
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    params.get(i).bind(c, ps, i + 1);
                }
                return many(ps);
            }
        });
    }

    private static Param textArray(Object[] values) {
        return (c, ps, i) -> ps.setArray(i, c.createArrayOf("text", values));
    }

    @Override
    public List<Request> dueForImplicitDecision(TenantId tenant, Instant now, int limit) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gru_request"
                    + " WHERE tenant_id = ? AND deadline_active AND status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_COMPLEMENT')"
                    + " AND deadline_due_at <= ? ORDER BY deadline_due_at, id LIMIT ?")) {
                ps.setString(1, tenant.value());
                Sql.setInstant(ps, 2, now);
                ps.setInt(3, limit);
                return many(ps);
            }
        });
    }

    private List<Request> many(PreparedStatement ps) throws SQLException {
        List<Request> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(json.request(rs.getString("document")));
            }
        }
        return out;
    }
}
