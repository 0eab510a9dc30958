package org.opengru.core.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The SQL migrations of a module, shipped in the jar under {@code db/opengru/<module>/} with
 * Flyway-compatible names ({@code V1__outbox_audit.sql}, ...). A host application may run them with
 * Flyway ({@code locations=classpath:db/opengru/core}) or with {@link #migrate(DataSource)}, a minimal
 * runner that records what it applied in {@code gru_schema_history} and is safe when several nodes start
 * at once (a PostgreSQL advisory lock serialises them).
 */
public final class Migrations {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** The core module's scripts, in order. Add new files here and never edit a released one. */
    private static final List<String> CORE = List.of(
            "V1__outbox_audit_timeline_consent.sql",
            "V2__requests.sql",
            "V3__retention.sql",
            "V4__usagers_catalogue_exchanges.sql",
            "V5__notifications_inbox.sql",
            "V6__contacts_satisfaction.sql",
            "V7__request_beneficiary.sql",
            "V8__reference_blocks.sql",
            "V9__history_from_columns.sql",
            "V10__request_end_of_life.sql",
            "V11__outbox_pruning_audit_anchor.sql",
            "V12__deadline_during_complement.sql",
            "V15__automatic_contacts.sql");

    private final String module;
    private final List<Script> scripts;

    /** One migration script. */
    public record Script(int version, String description, String location, String sql) {

        /** SHA-256 of the script, recorded so that an edited released script is noticed. */
        public String checksum() {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Migrations(String module, List<Script> scripts) {
        this.module = module;
        this.scripts = List.copyOf(scripts);
    }

    /** The migrations of gru-core. */
    public static Migrations core() {
        return of("core", CORE);
    }

    /** The migrations of a module from its resource folder and file names (for other modules). */
    public static Migrations of(String module, List<String> fileNames) {
        Objects.requireNonNull(module, "module");
        List<Script> scripts = new ArrayList<>();
        int last = 0;
        for (String file : fileNames) {
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalArgumentException("migration file name '" + file + "' is not V<n>__<name>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (version <= last) {
                throw new IllegalArgumentException("migration " + file + " is out of order after V" + last);
            }
            last = version;
            String location = "db/opengru/" + module + "/" + file;
            scripts.add(new Script(version, m.group(2).replace('_', ' '), location, read(location)));
        }
        return new Migrations(module, scripts);
    }

    public String module() {
        return module;
    }

    public List<Script> scripts() {
        return scripts;
    }

    /**
     * Applies the scripts not applied yet, each in its own transaction, and returns how many ran. Refuses
     * to run when a script applied before has changed since.
     */
    public int migrate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            // One lock for every module: CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin
            // (the loser fails on the table's row type), so nodes and modules migrate one at a time.
            long lockKey = "gru_schema_history".hashCode();
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                lock.execute();
            }
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS gru_schema_history (module text NOT NULL,"
                            + " version int NOT NULL, description text NOT NULL, checksum text NOT NULL,"
                            + " applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (module, version))");
                }
                return applyPending(c);
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, lockKey);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("migrating " + module, e);
        }
    }

    private int applyPending(Connection c) throws SQLException {
        int applied = 0;
        for (Script script : scripts) {
            String recorded = null;
            try (PreparedStatement q =
                    c.prepareStatement("SELECT checksum FROM gru_schema_history WHERE module = ? AND version = ?")) {
                q.setString(1, module);
                q.setInt(2, script.version());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        recorded = rs.getString(1);
                    }
                }
            }
            if (recorded != null) {
                if (!recorded.equals(script.checksum())) {
                    throw new IllegalStateException("migration " + script.location() + " changed after it was applied"
                            + " (recorded checksum " + recorded + ")");
                }
                continue;
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement record = c.prepareStatement(
                            "INSERT INTO gru_schema_history (module, version, description, checksum) VALUES (?,?,?,?)")) {
                s.execute(script.sql());
                record.setString(1, module);
                record.setInt(2, script.version());
                record.setString(3, script.description());
                record.setString(4, script.checksum());
                record.executeUpdate();
                c.commit();
                applied++;
            } catch (SQLException e) {
                c.rollback();
                throw new DataAccessException("migration " + script.location() + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        }
        return applied;
    }

    private static String read(String location) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("migration " + location + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
