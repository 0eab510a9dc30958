package org.opengru.core.satisfaction.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.internal.JdbcSupport;
import org.opengru.core.satisfaction.SatisfactionAggregate;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.satisfaction.SurveyInvitation;
import org.opengru.core.satisfaction.SurveyOccasion;
import org.opengru.core.satisfaction.SurveyResponse;
import org.opengru.core.tenancy.TenantId;

/**
 * Surveys in PostgreSQL (tables {@code gru_survey_invitation}, {@code gru_survey_response}); answers hold
 * no usager id, so the statistics export carries no personal data.
 */
public final class PostgresSatisfactionStore implements SatisfactionStore {

    private final JdbcTransactions tx;

    public PostgresSatisfactionStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public boolean invite(SurveyInvitation i) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_survey_invitation (id, tenant_id,"
                    + " usager_id, occasion, subject_id, procedure_code, channel, issued_at, expires_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                ps.setObject(1, i.id());
                ps.setString(2, i.tenant().value());
                ps.setObject(3, i.usager().value());
                ps.setString(4, i.occasion().name());
                ps.setString(5, i.subjectId());
                ps.setString(6, i.procedureCode());
                ps.setString(7, i.channel().name());
                JdbcSupport.setInstant(ps, 8, i.issuedAt());
                JdbcSupport.setInstant(ps, 9, i.expiresAt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<SurveyInvitation> invitation(TenantId tenant, UUID id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, usager_id, occasion, subject_id,"
                    + " procedure_code, channel, issued_at, expires_at FROM gru_survey_invitation i"
                    + " WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(invitation(rs));
                }
            }
        });
    }

    @Override
    public boolean answer(SurveyResponse r) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_survey_response (invitation_id, tenant_id,"
                    + " occasion, procedure_code, channel, score, comment, answered_at) VALUES (?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (invitation_id) DO NOTHING")) {
                ps.setObject(1, r.invitationId());
                ps.setString(2, r.tenant().value());
                ps.setString(3, r.occasion().name());
                ps.setString(4, r.procedureCode());
                ps.setString(5, r.channel().name());
                ps.setInt(6, r.score());
                JdbcSupport.setNullableString(ps, 7, r.comment());
                JdbcSupport.setInstant(ps, 8, r.answeredAt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<SatisfactionAggregate> aggregate(TenantId tenant, Instant from, Instant to) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT procedure_code, channel, score, count(*) AS n"
                            + " FROM gru_survey_response WHERE tenant_id = ? AND answered_at >= ? AND answered_at < ?"
                            + " GROUP BY procedure_code, channel, score ORDER BY procedure_code COLLATE \"C\", channel COLLATE \"C\"")) {
                ps.setString(1, tenant.value());
                JdbcSupport.setInstant(ps, 2, from);
                JdbcSupport.setInstant(ps, 3, to);
                Map<String, long[]> counts = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1) + "\u0000" + rs.getString(2);
                        counts.computeIfAbsent(key, k -> new long[5])[rs.getInt(3) - 1] += rs.getLong(4);
                    }
                }
                List<SatisfactionAggregate> out = new ArrayList<>();
                counts.forEach((key, d) -> {
                    int sep = key.indexOf('\u0000');
                    long n = 0;
                    for (long x : d) {
                        n += x;
                    }
                    out.add(new SatisfactionAggregate(
                            key.substring(0, sep), Channel.valueOf(key.substring(sep + 1)), n, d));
                });
                return out;
            }
        });
    }

    private static final String INVITATION_COLUMNS = "i.id, i.tenant_id, i.usager_id, i.occasion, i.subject_id,"
            + " i.procedure_code, i.channel, i.issued_at, i.expires_at";

    private static SurveyInvitation invitation(ResultSet rs) throws SQLException {
        return new SurveyInvitation(
                rs.getObject("id", UUID.class),
                TenantId.of(rs.getString("tenant_id")),
                UsagerId.of(rs.getObject("usager_id", UUID.class)),
                SurveyOccasion.valueOf(rs.getString("occasion")),
                rs.getString("subject_id"),
                rs.getString("procedure_code"),
                Channel.valueOf(rs.getString("channel")),
                JdbcSupport.requiredInstant(rs, "issued_at"),
                JdbcSupport.requiredInstant(rs, "expires_at"));
    }

    @Override
    public List<Survey> ofUsager(TenantId tenant, UsagerId usager) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + INVITATION_COLUMNS
                    + ", r.score, r.comment, r.answered_at FROM gru_survey_invitation i"
                    + " LEFT JOIN gru_survey_response r ON r.invitation_id = i.id"
                    + " WHERE i.tenant_id = ? AND i.usager_id = ? ORDER BY i.issued_at, i.id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                List<Survey> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SurveyInvitation i = invitation(rs);
                        Instant answered = JdbcSupport.instant(rs, "answered_at");
                        out.add(new Survey(
                                i,
                                answered == null
                                        ? null
                                        : new SurveyResponse(
                                                i.id(),
                                                i.tenant(),
                                                i.occasion(),
                                                i.procedureCode(),
                                                i.channel(),
                                                rs.getInt("score"),
                                                rs.getString("comment"),
                                                answered)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return tx.inTransaction(c -> {
            // The score stays for the statistics; nothing says whose it was.
            try (PreparedStatement ps = c.prepareStatement("UPDATE gru_survey_response r SET comment = NULL"
                    + " FROM gru_survey_invitation i WHERE i.tenant_id = ? AND i.usager_id = ?"
                    + " AND r.invitation_id = i.id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE gru_survey_invitation SET usager_id = ?" + " WHERE tenant_id = ? AND usager_id = ?")) {
                ps.setObject(1, new UUID(0, 0));
                ps.setString(2, tenant.value());
                ps.setObject(3, usager.value());
                return ps.executeUpdate();
            }
        });
    }
}
