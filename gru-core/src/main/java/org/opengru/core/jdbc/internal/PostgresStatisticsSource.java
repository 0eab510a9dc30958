package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.stats.RequestFacts;
import org.opengru.core.stats.StatisticsSource;
import org.opengru.core.tenancy.TenantId;

/** Reads only the non-personal columns of the request table. */
public final class PostgresStatisticsSource implements StatisticsSource {

    private final JdbcTransactions tx;

    public PostgresStatisticsSource(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public List<RequestFacts> received(TenantId tenant, Instant from, Instant to) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT procedure_code, received_at, decided_at, status,"
                    + " implicit FROM gru_request WHERE tenant_id = ? AND received_at >= ? AND received_at < ?")) {
                ps.setString(1, tenant.value());
                Sql.setInstant(ps, 2, from);
                Sql.setInstant(ps, 3, to);
                List<RequestFacts> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant decidedAt = Sql.instant(rs, "decided_at");
                        out.add(new RequestFacts(
                                ProcedureCode.of(rs.getString("procedure_code")),
                                Sql.requiredInstant(rs, "received_at"),
                                decidedAt,
                                decidedAt == null ? null : RequestStatus.valueOf(rs.getString("status")),
                                rs.getBoolean("implicit")));
                    }
                }
                return out;
            }
        });
    }
}
