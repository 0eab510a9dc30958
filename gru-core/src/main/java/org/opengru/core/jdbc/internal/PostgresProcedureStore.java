package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;

/**
 * The démarche catalogue as JSON documents, one row per version. Definitions of one code are serialised
 * across nodes by an advisory lock, so the "above the latest version" rule holds.
 */
public final class PostgresProcedureStore implements ProcedureStore {

    private final JdbcTransactions tx;

    public PostgresProcedureStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void define(TenantId tenant, Procedure procedure) {
        tx.run(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(
                        1,
                        "gru_procedure:" + tenant.value() + ":"
                                + procedure.code().value());
                lock.execute();
            }
            int latest;
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0),"
                    + " bool_or(version = ?) FROM gru_procedure WHERE tenant_id = ? AND code = ?")) {
                ps.setInt(1, procedure.version());
                ps.setString(2, tenant.value());
                ps.setString(3, procedure.code().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    latest = rs.getInt(1);
                    exists = rs.getBoolean(2);
                }
            }
            if (exists) {
                throw new AlreadyExistsException("procedure", procedure.ref().toString());
            }
            if (latest > procedure.version()) {
                throw new ValidationException(
                        "procedure.version", procedure.version(), "must be above the latest version " + latest);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO gru_procedure (tenant_id, code, version, document) VALUES (?, ?, ?, ?::jsonb)")) {
                ps.setString(1, tenant.value());
                ps.setString(2, procedure.code().value());
                ps.setInt(3, procedure.version());
                ps.setString(4, Documents.json(procedure));
                ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Procedure> find(TenantId tenant, ProcedureRef ref) {
        return tx.inSingleStatement(c -> Documents.one(
                c,
                "SELECT document::text FROM gru_procedure WHERE tenant_id = ? AND code = ? AND version = ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setString(2, ref.code().value());
                    ps.setInt(3, ref.version());
                },
                Procedure.class));
    }

    @Override
    public Optional<Procedure> latest(TenantId tenant, ProcedureCode code) {
        return tx.inSingleStatement(c -> Documents.one(
                c,
                "SELECT document::text FROM gru_procedure WHERE tenant_id = ? AND code = ?"
                        + " ORDER BY version DESC LIMIT 1",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setString(2, code.value());
                },
                Procedure.class));
    }

    @Override
    public List<Procedure> catalogue(TenantId tenant) {
        List<Procedure> latest = tx.inTransaction(c -> Documents.list(
                c,
                "SELECT DISTINCT ON (code) document::text FROM gru_procedure WHERE tenant_id = ?"
                        + " ORDER BY code, version DESC",
                ps -> ps.setString(1, tenant.value()),
                Procedure.class));
        // Sorted here by code as Java compares strings, whatever the database collation.
        return latest.stream()
                .sorted(java.util.Comparator.comparing(p -> p.code().value()))
                .toList();
    }
}
