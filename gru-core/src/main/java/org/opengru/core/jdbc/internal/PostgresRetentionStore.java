package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.rgpd.RetentionCandidate;
import org.opengru.core.rgpd.RetentionStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Retention on the request tables. Each step is one transaction conditioned on the request's state, so
 * two nodes running the purge job at once never do a step twice. Audit chains stay: they hold no
 * personal data.
 */
public final class PostgresRetentionStore implements RetentionStore {

    private static final UsagerId ANONYMOUS = ANONYMOUS_APPLICANT;

    private final JdbcTransactions tx;

    public PostgresRetentionStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public List<RetentionCandidate> toArchive(
            TenantId tenant, ProcedureCode procedure, Instant closedBefore, int limit) {
        return candidates(tenant, procedure, closedBefore, limit, "archived_at IS NULL AND anonymised_at IS NULL");
    }

    @Override
    public List<RetentionCandidate> expired(TenantId tenant, ProcedureCode procedure, Instant closedBefore, int limit) {
        return candidates(tenant, procedure, closedBefore, limit, "anonymised_at IS NULL");
    }

    private List<RetentionCandidate> candidates(
            TenantId tenant, ProcedureCode procedure, Instant closedBefore, int limit, String condition) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, closed_at, archived_at FROM gru_request"
                    + " WHERE tenant_id = ? AND procedure_code = ? AND closed_at IS NOT NULL AND closed_at < ? AND "
                    + condition + " ORDER BY closed_at, id LIMIT ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, procedure.value());
                Sql.setInstant(ps, 3, closedBefore);
                ps.setInt(4, limit);
                List<RetentionCandidate> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RetentionCandidate(
                                RequestId.of(rs.getObject("id", UUID.class)),
                                procedure,
                                Sql.requiredInstant(rs, "closed_at"),
                                Sql.instant(rs, "archived_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void archive(TenantId tenant, RequestId request, Instant at) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_request SET archived_at = ?"
                    + " WHERE tenant_id = ? AND id = ? AND archived_at IS NULL")) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, tenant.value());
                ps.setObject(3, request.value());
                ps.executeUpdate();
            }
        });
    }

    /**
     * What a request produced besides its row and history, in every gru-core table, deleted the same way by
     * the purge and the anonymisation: nothing of it is needed for statistics, and its personal content
     * (its events' payloads and timeline places, messages and notes, read receipts, notifications and
     * in-app items, contacts, webhook payloads, timeline lines) ends with the request. The events' chain
     * stays (ids, codes and digests only). Run before the
     * request row changes, in the same transaction, so a crash leaves the request a candidate again.
     */
    private static final List<String> PRODUCED = List.of(
            // The request's events stay (the audit chain, which chains only digests of their payloads): their
            // personal part and their place on the usager's timeline go.
            "UPDATE gru_request_event SET payload = NULL, usager_id = NULL WHERE tenant_id = ? AND request_id = ?"
                    + " AND (payload IS NOT NULL OR usager_id IS NOT NULL)",
            "DELETE FROM gru_delivery WHERE tenant_id = ? AND request_id = ?",
            "DELETE FROM gru_dead_letter WHERE tenant_id = ? AND request_id = ?",
            "DELETE FROM gru_timeline t USING gru_request r WHERE r.tenant_id = ? AND r.id = ?"
                    + " AND t.tenant_id = r.tenant_id AND t.usager_id IN (r.applicant_id, r.beneficiary_id)"
                    + " AND t.subject_id = r.id::text",
            "DELETE FROM gru_read_receipt x USING gru_message m WHERE m.tenant_id = ? AND m.request_id = ?"
                    + " AND x.tenant_id = m.tenant_id AND x.message_id = m.id",
            "DELETE FROM gru_message_key x USING gru_message m WHERE m.tenant_id = ? AND m.request_id = ?"
                    + " AND x.tenant_id = m.tenant_id AND x.message_id = m.id",
            "DELETE FROM gru_message WHERE tenant_id = ? AND request_id = ?",
            "DELETE FROM gru_notification WHERE tenant_id = ? AND request_id = ?",
            "DELETE FROM gru_inbox WHERE tenant_id = ? AND request_id = ?",
            "DELETE FROM gru_contact WHERE tenant_id = ? AND request_id = ?",
            // Every subscriber's copy, delivered, pending or dead: the subscribers are read from the index's
            // leading column (a loose index scan), so the delete uses the index whoever is configured now.
            "WITH RECURSIVE s AS (SELECT min(subscriber) AS v FROM gru_outbox UNION ALL"
                    + " SELECT (SELECT min(subscriber) FROM gru_outbox WHERE subscriber > s.v) FROM s WHERE s.v IS NOT NULL)"
                    + " DELETE FROM gru_outbox WHERE subscriber IN (SELECT v FROM s WHERE v IS NOT NULL)"
                    + " AND tenant_id = ? AND aggregate_type = 'request' AND aggregate_id = ?::text",
            "DELETE FROM gru_outbox_stream WHERE tenant_id = ? AND aggregate_type = 'request' AND aggregate_id = ?::text");

    @Override
    public void purge(TenantId tenant, RequestId request) {
        tx.run(c -> {
            produced(c, tenant, request);
            update(
                    c,
                    "DELETE FROM gru_survey_response x USING gru_survey_invitation i WHERE i.tenant_id = ?"
                            + " AND i.occasion = 'REQUEST_DECIDED' AND i.subject_id = ?::text AND x.invitation_id = i.id",
                    tenant,
                    request);
            update(
                    c,
                    "DELETE FROM gru_survey_invitation WHERE tenant_id = ? AND occasion = 'REQUEST_DECIDED'"
                            + " AND subject_id = ?::text",
                    tenant,
                    request);
            update(c, "DELETE FROM gru_request WHERE tenant_id = ? AND id = ?", tenant, request);
        });
    }

    private static void produced(Connection c, TenantId tenant, RequestId request) throws SQLException {
        for (String sql : PRODUCED) {
            update(c, sql, tenant, request);
        }
    }

    private static void update(Connection c, String sql, TenantId tenant, RequestId request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, request.value());
            ps.executeUpdate();
        }
    }

    @Override
    public void anonymise(TenantId tenant, RequestId request, Instant at) {
        tx.run(c -> {
            Request r;
            try (PreparedStatement ps = c.prepareStatement("SELECT document::text FROM gru_request"
                    + " WHERE tenant_id = ? AND id = ? AND anonymised_at IS NULL FOR UPDATE")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, request.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return; // gone or done by another node
                    }
                    r = PostgresRequestStore.JSON.readValue(rs.getString(1), Request.class);
                }
            }
            produced(c, tenant, request);
            boolean keepAck = r.status() == RequestStatus.WITHDRAWN && r.acknowledgment() != null;
            Request stripped = new Request(
                    r.id(),
                    r.tenant(),
                    r.reference(),
                    r.procedure(),
                    r.team(),
                    ANONYMOUS,
                    null,
                    new org.opengru.core.principal.ActorRef(org.opengru.core.principal.ActorKind.SYSTEM, "anonymised"),
                    r.intake(),
                    r.status(),
                    FormData.empty(),
                    List.of(),
                    r.version(),
                    r.createdAt(),
                    r.updatedAt(),
                    r.receivedAt(),
                    r.deadline(),
                    r.complement(),
                    // The outcome and its date stay for the statistics, the reason written to the usager goes.
                    r.decision() == null
                            ? null
                            : new org.opengru.core.request.Decision(
                                    r.decision().outcome(),
                                    r.decision().implicit(),
                                    null,
                                    r.decision().at(),
                                    r.decision().by()),
                    keepAck ? r.acknowledgment() : null,
                    r.assignee());
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE gru_request SET applicant_id = ?, beneficiary_id = NULL,"
                            + " document = ?::json, anonymised_at = ? WHERE tenant_id = ? AND id = ?")) {
                ps.setObject(1, ANONYMOUS.value());
                ps.setString(2, PostgresRequestStore.JSON.writeValueAsString(stripped));
                Sql.setInstant(ps, 3, at);
                ps.setString(4, tenant.value());
                ps.setObject(5, request.value());
                ps.executeUpdate();
            }
            // The score stays for the satisfaction statistics, nothing says whose it was.
            update(
                    c,
                    "UPDATE gru_survey_response x SET comment = NULL FROM gru_survey_invitation i"
                            + " WHERE i.tenant_id = ? AND i.occasion = 'REQUEST_DECIDED' AND i.subject_id = ?::text"
                            + " AND x.invitation_id = i.id",
                    tenant,
                    request);
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_survey_invitation SET usager_id = ?"
                    + " WHERE tenant_id = ? AND occasion = 'REQUEST_DECIDED' AND subject_id = ?")) {
                ps.setObject(1, ANONYMOUS.value());
                ps.setString(2, tenant.value());
                ps.setString(3, request.toString());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public List<RequestId> drafts(TenantId tenant, UsagerId usager) {
        return ids(tenant, usager, "received_at IS NULL");
    }

    @Override
    public List<RequestId> retained(TenantId tenant, UsagerId usager) {
        return ids(tenant, usager, "received_at IS NOT NULL");
    }

    private List<RequestId> ids(TenantId tenant, UsagerId usager, String condition) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM gru_request WHERE tenant_id = ? AND (applicant_id = ? OR beneficiary_id = ?) AND "
                            + condition)) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                ps.setObject(3, usager.value());
                List<RequestId> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RequestId.of(rs.getObject(1, UUID.class)));
                    }
                }
                return out;
            }
        });
    }
}
