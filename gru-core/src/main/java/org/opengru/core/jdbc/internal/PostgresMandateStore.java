package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Mandate;
import org.opengru.core.usager.MandateStore;

/** Mandates as JSON documents, indexed by representative. */
public final class PostgresMandateStore implements MandateStore {

    private final JdbcTransactions tx;

    public PostgresMandateStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void save(Mandate m) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_mandate (tenant_id, id, representative_id,"
                    + " represented_id, document) VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, id) DO UPDATE"
                    + " SET representative_id = excluded.representative_id, represented_id = excluded.represented_id,"
                    + " document = excluded.document")) {
                ps.setString(1, m.tenant().value());
                ps.setObject(2, m.id());
                ps.setObject(3, m.representative().value());
                ps.setObject(4, m.represented().value());
                ps.setString(5, Documents.json(m));
                ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Mandate> find(TenantId tenant, UUID id) {
        return tx.inTransaction(c -> Documents.one(
                c,
                "SELECT document::text FROM gru_mandate WHERE tenant_id = ? AND id = ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, id);
                },
                Mandate.class));
    }

    @Override
    public List<Mandate> byRepresentative(TenantId tenant, UsagerId representative) {
        return tx.inTransaction(c -> Documents.list(
                c,
                "SELECT document::text FROM gru_mandate WHERE tenant_id = ? AND representative_id = ? ORDER BY id",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, representative.value());
                },
                Mandate.class));
    }

    @Override
    public List<Mandate> byRepresented(TenantId tenant, UsagerId represented) {
        return tx.inTransaction(c -> Documents.list(
                c,
                "SELECT document::text FROM gru_mandate WHERE tenant_id = ? AND represented_id = ? ORDER BY id",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, represented.value());
                },
                Mandate.class));
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gru_mandate WHERE tenant_id = ?"
                    + " AND (representative_id = ? OR represented_id = ?)")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                ps.setObject(3, usager.value());
                return ps.executeUpdate();
            }
        });
    }
}
