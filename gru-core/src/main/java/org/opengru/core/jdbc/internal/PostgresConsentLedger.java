package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.ConsentRecord;
import org.opengru.core.tenancy.TenantId;

/** The consent ledger in PostgreSQL ({@code gru_consent}, insert-only). */
public final class PostgresConsentLedger implements ConsentLedger {

    private final JdbcTransactions tx;

    public PostgresConsentLedger(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void record(ConsentRecord r) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_consent (tenant_id, usager_id, purpose,"
                    + " granted, recorded_at, text_version, channel) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.tenant().value());
                ps.setObject(2, r.usager().value());
                ps.setString(3, r.purpose());
                ps.setBoolean(4, r.granted());
                Sql.setInstant(ps, 5, r.recordedAt());
                ps.setString(6, r.textVersion());
                ps.setString(7, r.channel());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ConsentRecord> history(TenantId tenant, UsagerId usager) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT purpose, granted, recorded_at, text_version, channel"
                    + " FROM gru_consent WHERE tenant_id = ? AND usager_id = ? ORDER BY id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                List<ConsentRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConsentRecord(
                                tenant,
                                usager,
                                rs.getString("purpose"),
                                rs.getBoolean("granted"),
                                Sql.requiredInstant(rs, "recorded_at"),
                                rs.getString("text_version"),
                                rs.getString("channel")));
                    }
                }
                return out;
            }
        });
    }
}
