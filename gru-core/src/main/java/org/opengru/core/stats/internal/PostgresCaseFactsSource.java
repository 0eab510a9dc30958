package org.opengru.core.stats.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.TeamId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.stats.CaseFacts;
import org.opengru.core.stats.CaseFactsSource;
import org.opengru.core.tenancy.TenantId;

/**
 * Reads only the non-personal columns of the request table (no id, no applicant, no document), in one
 * query served by the team index.
 */
public final class PostgresCaseFactsSource implements CaseFactsSource {

    private static final String SQL = "SELECT procedure_code, team_id, status, received_at, decided_at, implicit,"
            + " CASE WHEN deadline_active THEN deadline_due_at END AS due_at"
            + " FROM gru_request WHERE tenant_id = ? AND team_id = ANY (?) AND received_at IS NOT NULL"
            + " AND status <> 'DRAFT' AND received_at < ?"
            + " AND (status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_COMPLEMENT') OR received_at >= ? OR decided_at >= ?)";

    private final JdbcTransactions tx;

    public PostgresCaseFactsSource(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public List<CaseFacts> of(TenantId tenant, Set<TeamId> teams, Instant from, Instant to) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                Array teamArray = c.createArrayOf(
                        "text", teams.stream().map(TeamId::value).toArray());
                ps.setString(1, tenant.value());
                ps.setArray(2, teamArray);
                ps.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                ps.setObject(4, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                ps.setObject(5, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                List<CaseFacts> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CaseFacts(
                                ProcedureCode.of(rs.getString("procedure_code")),
                                TeamId.of(rs.getString("team_id")),
                                RequestStatus.valueOf(rs.getString("status")),
                                Objects.requireNonNull(instant(rs, "received_at")),
                                instant(rs, "decided_at"),
                                rs.getBoolean("implicit"),
                                instant(rs, "due_at")));
                    }
                }
                return out;
            }
        });
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
