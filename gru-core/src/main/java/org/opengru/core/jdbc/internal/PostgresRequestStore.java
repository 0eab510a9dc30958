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
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.outbox.OutboxMessage;
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
 * Requests in PostgreSQL. {@link #apply} writes, in one transaction: the request row (optimistic locking
 * on {@code version}) and one event per history entry in the request's log ({@code gru_request_event}:
 * the history line, the audit entry, the applicant's timeline line and the idempotency key at once), and
 * the domain events into the outbox. Nothing lives in the JVM: any number of nodes may share the database.
 */
public final class PostgresRequestStore implements RequestStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = "document::text AS document";

    private final JdbcTransactions tx;
    private final PostgresOutbox outbox;
    private final PostgresAuditTrail audit;
    private final java.time.Clock clock;

    public PostgresRequestStore(
            JdbcTransactions tx,
            PostgresOutbox outbox,
            PostgresAuditTrail audit,
            PostgresTimelineStore timeline,
            java.time.Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.audit = Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(timeline, "timeline"); // reads the request's lines from the log
    }

    @Override
    public Outcome apply(RequestChange change) {
        if (change.expectedVersion() == 0) {
            return insertNew(change);
        }
        IdempotencyRecord idem = change.idempotency();
        try {
            return tx.inTransaction(c -> apply(c, change));
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
        Request next = change.request();
        IdempotencyRecord idem = change.idempotency();
        boolean joined = tx.joined();
        boolean inserted;
        try {
            inserted = tx.inSingleStatement(
                    c -> NewRequestWriter.write(c, change, outbox.subscribers(), clock.instant(), joined)
                            .requestInserted());
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState()) && !joined) {
                // A concurrent twin with the same key committed first (replay it), or the id or the
                // reference is taken: the statement wrote nothing, find out which.
                return explainNotInserted(next, idem, e);
            }
            throw e;
        }
        if (inserted) {
            return new Outcome(next, false);
        }
        return explainNotInserted(next, idem, null);
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

    private Outcome apply(Connection c, RequestChange change) throws SQLException {
        Request next = change.request();
        IdempotencyRecord idem = change.idempotency();
        if (idem != null && idempotency(c, next.tenant(), idem.key()).isPresent()) {
            return replay(c, next, idem);
        }
        String document = JSON.writeValueAsString(next);
        update(c, next, document, change.expectedVersion());
        checkSequence(c, next, change.history());
        List<HistoryEntry> history = change.history();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            boolean last = i == history.size() - 1;
            audit.appendEvent(c, auditRecord(next, h), eventPayload(h), last ? idem : null, true);
        }
        List<OutboxMessage> messages = new ArrayList<>();
        for (DomainEvent e : change.events()) {
            messages.add(outboxMessage(next, document, e));
        }
        if (!messages.isEmpty() && !outbox.subscribers().isEmpty()) {
            outbox.append(c, messages);
        }
        return new Outcome(next, false);
    }

    /**
     * An event's personal part: the reason given to the usager, whose digest ({@code reasonSha256}) the
     * chained details hold; erased (NULL) at the end of the request's retention.
     */
    static String eventPayload(HistoryEntry h) {
        if (h.reason() == null) {
            return "{}";
        }
        tools.jackson.databind.node.ObjectNode payload = JSON.createObjectNode();
        payload.put("reason", h.reason());
        return JSON.writeValueAsString(payload);
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

    private static void update(Connection c, Request r, String document, long expectedVersion) throws SQLException {
        String sql = "UPDATE gru_request SET team_id = ?, applicant_id = ?, beneficiary_id = ?::uuid, status = ?,"
                + " version = ?, updated_at = ?, received_at = ?, decided_at = ?, implicit = ?, deadline_due_at = ?,"
                + " deadline_active = ?, document = ?::json, closed_at = ?,"
                + " archived_at = CASE WHEN ?::timestamptz IS NULL THEN NULL ELSE archived_at END"
                + " WHERE tenant_id = ? AND id = ? AND version = ? AND reference = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.team().value());
            ps.setObject(2, r.applicant().value());
            ps.setObject(3, r.beneficiary() == null ? null : r.beneficiary().value());
            ps.setString(4, r.status().name());
            ps.setLong(5, r.version());
            Sql.setInstant(ps, 6, r.updatedAt());
            Sql.setInstant(ps, 7, r.receivedAt());
            Sql.setInstant(ps, 8, r.decision() == null ? null : r.decision().at());
            ps.setBoolean(9, r.decision() != null && r.decision().implicit());
            Sql.setInstant(ps, 10, r.deadline() == null ? null : r.deadline().dueAt());
            ps.setBoolean(11, r.deadline() != null && r.deadline().running());
            ps.setString(12, document);
            Sql.setInstant(ps, 13, closedAt(r));
            Sql.setInstant(ps, 14, closedAt(r));
            ps.setString(15, r.tenant().value());
            ps.setObject(16, r.id().value());
            ps.setLong(17, expectedVersion);
            ps.setString(18, r.reference().toString());
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        long actual = storedVersion(c, r.tenant(), r.id());
        if (actual != expectedVersion) {
            throw new ConcurrentUpdateException("request", r.id().toString(), expectedVersion, actual);
        }
        throw new ValidationException("reference", r.reference(), "cannot change");
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

    /** The history continues where the log's history lines end (the request row is locked by now). */
    private static void checkSequence(Connection c, Request r, List<HistoryEntry> entries) throws SQLException {
        int expected;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max((details ->> 'sequence')::int), 0)"
                + " FROM gru_request_event WHERE tenant_id = ? AND request_id = ? AND details ->> 'sequence' IS NOT NULL"
                + " AND type NOT IN ('message:POST', 'note:POST')")) {
            ps.setString(1, r.tenant().value());
            ps.setObject(2, r.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                expected = rs.getInt(1) + 1;
            }
        }
        for (HistoryEntry h : entries) {
            if (h.sequence() != expected) {
                throw new ValidationException(
                        "history.sequence", h.sequence(), "must continue the history at " + expected);
            }
            expected++;
        }
    }

    /** The audit entry of a history entry: codes, states and hashes only, no personal data. */
    static AuditRecord auditRecord(Request r, HistoryEntry h) {
        return org.opengru.core.outbox.RecordingRequestStore.auditRecord(r, h);
    }

    /**
     * The outbox message of an event: the event and the full request after the change ({@code document},
     * the request's JSON as stored in its row: serialised once per command, not once per use).
     */
    static OutboxMessage outboxMessage(Request r, String document, DomainEvent e) {
        String payload = "{\"event\":" + JSON.writeValueAsString(e) + ",\"request\":" + document + "}";
        return new OutboxMessage(
                e.eventId(), e.tenant(), "request", r.id().toString(), e.type(), e.occurredAt(), payload);
    }

    @Override
    public Optional<Request> find(TenantId tenant, RequestId id) {
        return tx.inTransaction(c -> find(c, tenant, id));
    }

    private static Optional<Request> find(Connection c, TenantId tenant, RequestId id) throws SQLException {
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

    private static Optional<Request> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(JSON.readValue(rs.getString("document"), Request.class)) : Optional.empty();
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
        return tx.inTransaction(c -> idempotency(c, tenant, key));
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

    private static List<Request> many(PreparedStatement ps) throws SQLException {
        List<Request> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(JSON.readValue(rs.getString("document"), Request.class));
            }
        }
        return out;
    }
}
