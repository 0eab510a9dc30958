package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Versions are immutable once defined, so this store keeps the versions it has read and committed (a
 * bounded number, most recently used first): every request's creation and change reads its démarche, and
 * parsing the definition again each time cost more than the read itself. {@link #latest} still asks the
 * database which version is the latest (another node may have defined one), and only leaves the document
 * out when it holds that version already. Nothing read inside a caller's transaction is kept: that
 * transaction may still roll back a version it defined.
 */
public final class PostgresProcedureStore implements ProcedureStore {

    /** Enough for every démarche of the communes one node serves, with a few versions each. */
    private static final int KEPT_VERSIONS = 1024;

    private final JdbcTransactions tx;

    /** Committed versions read by this store, by collectivité, code and version; guarded by itself. */
    private final Map<Key, Procedure> versions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Procedure> eldest) {
            return size() > KEPT_VERSIONS;
        }
    };

    /** The newest version kept of each démarche, by collectivité and code (bounded by the catalogues). */
    private final Map<Code, Integer> newest = new java.util.concurrent.ConcurrentHashMap<>();

    /** One version of one démarche of one collectivité. */
    private record Key(String tenant, String code, int version) {}

    /** One démarche of one collectivité. */
    private record Code(String tenant, String code) {}

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
        Key key = new Key(tenant.value(), ref.code().value(), ref.version());
        Procedure kept = kept(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        boolean committed = !tx.joined();
        Optional<Procedure> found = tx.inSingleStatement(c -> Documents.one(
                c,
                "SELECT document::text FROM gru_procedure WHERE tenant_id = ? AND code = ? AND version = ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setString(2, ref.code().value());
                    ps.setInt(3, ref.version());
                },
                Procedure.class));
        found.ifPresent(p -> keep(committed, key, p));
        return found;
    }

    @Override
    public Optional<Procedure> latest(TenantId tenant, ProcedureCode code) {
        boolean committed = !tx.joined();
        int known = committed ? newest.getOrDefault(new Code(tenant.value(), code.value()), 0) : 0;
        // The latest version's number always comes from the database; its document only when not kept here.
        return tx.inSingleStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, CASE WHEN version = ? THEN NULL ELSE document::text END FROM gru_procedure"
                            + " WHERE tenant_id = ? AND code = ? ORDER BY version DESC LIMIT 1")) {
                ps.setInt(1, known);
                ps.setString(2, tenant.value());
                ps.setString(3, code.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Procedure>empty();
                    }
                    Key key = new Key(tenant.value(), code.value(), rs.getInt(1));
                    String document = rs.getString(2);
                    Procedure kept = document == null ? kept(key) : null;
                    if (kept != null) {
                        return Optional.of(kept);
                    }
                    Procedure read = PostgresRequestStore.JSON.readValue(
                            document != null ? document : reread(c, key), Procedure.class);
                    keep(committed, key, read);
                    return Optional.of(read);
                }
            }
        });
    }

    /** The document of a version named by the latest query, when the kept copy went out meanwhile. */
    private static String reread(java.sql.Connection c, Key key) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT document::text FROM gru_procedure WHERE tenant_id = ? AND code = ? AND version = ?")) {
            ps.setString(1, key.tenant());
            ps.setString(2, key.code());
            ps.setInt(3, key.version());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private @org.jspecify.annotations.Nullable Procedure kept(Key key) {
        synchronized (versions) {
            return versions.get(key);
        }
    }

    private void keep(boolean committed, Key key, Procedure procedure) {
        if (committed) {
            synchronized (versions) {
                versions.put(key, procedure);
            }
            newest.merge(new Code(key.tenant(), key.code()), key.version(), Math::max);
        }
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
