package org.opengru.core.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The SQL migrations of a module, shipped in the jar under {@code db/opengru/<module>/} with
 * Flyway-style names ({@code V1__outbox_audit.sql}, ...), and the one runner that applies them, whether
 * the application embeds OpenGRU in plain Java or through the Spring Boot starter (which calls this class
 * too): both record the same history, in {@code gru_schema_history (module, version, checksum)}, so an
 * application can move from one to the other.
 *
 * <p>{@link #migrate(DataSource)} takes a PostgreSQL advisory lock before anything else (before it even
 * creates its history table), the same lock for every module: any number of nodes may start together on
 * a fresh database. It refuses to run when a script applied before has changed.
 *
 * <p>Databases migrated by earlier versions open as they are: the first run of a module adopts the
 * history they recorded, then applies only what is missing. Those are the starter's Flyway tables
 * ({@code gru_<module>_schema_history}), a Flyway table of the host application named with {@link
 * #withFlywayHistory}, and gru-scheduling's own {@code scheduling_schema_version} (dropped once adopted).
 */
public final class Migrations {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /**
     * The oldest PostgreSQL major version OpenGRU supports: the oldest one still maintained by the
     * PostgreSQL community when this version was released (generated columns, {@code btree_gist} and
     * the planner's handling of the keyset queries are older; support is about security fixes).
     */
    public static final int MINIMUM_POSTGRESQL = 15;

    /** The key of the advisory lock every module's migration takes first (as every earlier version did). */
    static final long LOCK_KEY = "gru_schema_history".hashCode();

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
            "V13__scheduled_jobs.sql",
            "V14__outbox_lease.sql",
            "V15__automatic_contacts.sql",
            "V16__usager_email_index.sql",
            "V17__request_event_log.sql",
            "V18__relay_reads_request_log.sql",
            "V19__drop_copies_moved_into_the_log.sql",
            "V20__lighter_request_event_indexes.sql");

    /** gru-scheduling's own history table before it used this runner: {@code (version, script)}. */
    private static final String SCHEDULING_LEGACY_TABLE = "scheduling_schema_version";

    private final String module;
    private final List<Script> scripts;
    private final List<String> flywayTables;

    /**
     * One migration script.
     *
     * @param version the script's version, from its file name
     * @param description the rest of its file name
     * @param location its resource path in the jar
     * @param sql its text
     */
    public record Script(int version, String description, String location, String sql) {

        /**
         * SHA-256 of the script, recorded so that an edited released script is noticed.
         *
         * @return 64 hex digits
         */
        public String checksum() {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Migrations(String module, List<Script> scripts, List<String> flywayTables) {
        this.module = module;
        this.scripts = List.copyOf(scripts);
        this.flywayTables = List.copyOf(flywayTables);
    }

    /**
     * The migrations of gru-core.
     *
     * @return the migrations of module {@code core}
     */
    public static Migrations core() {
        return of("core", CORE);
    }

    /**
     * The migrations of a module from its resource folder and file names (for other modules).
     *
     * @param module the module's name, such as {@code reports}
     * @param fileNames the scripts' file names, in order
     * @return the migrations
     * @throws IllegalArgumentException when a file name is not {@code V<n>__<name>.sql} or the versions are out of
     *     order
     * @throws IllegalStateException when a script is missing from the jar
     */
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
        return new Migrations(module, scripts, List.of(starterFlywayTable(module)));
    }

    /**
     * The same migrations, also adopting the history of a Flyway table of the host application that ran
     * this module's scripts ({@code locations=classpath:db/opengru/<module>}) before it moved to this
     * runner. Only read, on the module's first run here; never written.
     *
     * @param table the host's Flyway history table
     * @return the migrations, adopting that history
     */
    public Migrations withFlywayHistory(String table) {
        if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("flyway history table '" + table + "' is not a plain table name");
        }
        List<String> tables = new ArrayList<>(flywayTables);
        tables.add(table);
        return new Migrations(module, scripts, tables);
    }

    /** The history table the Spring Boot starter's Flyway wrote for a module before it used this runner. */
    static String starterFlywayTable(String module) {
        return "gru_" + module + "_schema_history";
    }

    /**
     * The module these migrations belong to.
     *
     * @return the module's name
     */
    public String module() {
        return module;
    }

    /**
     * The scripts, in order.
     *
     * @return the scripts
     */
    public List<Script> scripts() {
        return scripts;
    }

    /**
     * Applies the scripts not applied yet, each in its own transaction, and returns how many ran. Refuses
     * to run when a script applied before has changed since.
     *
     * @param dataSource the database
     * @return how many scripts ran
     * @throws UnsupportedDatabaseException when the database is not PostgreSQL 15 or later
     */
    public int migrate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            requireSupported(c);
            c.setAutoCommit(true);
            // The lock comes first, for every module: CREATE TABLE IF NOT EXISTS is not safe against a
            // concurrent twin (the loser fails on the table's row type), nor is anything after it.
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS gru_schema_history (module text NOT NULL,"
                            + " version int NOT NULL, description text NOT NULL, checksum text NOT NULL,"
                            + " applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (module, version))");
                }
                adoptEarlierHistory(c);
                return applyPending(c);
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK_KEY);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("migrating " + module, e);
        }
    }

    /** Refuses, before any statement, a database that is not PostgreSQL or is older than supported. */
    private static void requireSupported(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String product = meta.getDatabaseProductName();
        int major = meta.getDatabaseMajorVersion();
        if (!"PostgreSQL".equals(product) || major < MINIMUM_POSTGRESQL) {
            throw new UnsupportedDatabaseException(product, meta.getDatabaseProductVersion(), major);
        }
    }

    /**
     * On a module's first run here, records as applied what an earlier way of migrating applied: the
     * versions themselves are trusted (those runners checked their scripts), the checksums are this jar's.
     */
    private void adoptEarlierHistory(Connection c) throws SQLException {
        if (!recordedVersions(c).isEmpty()) {
            return;
        }
        c.setAutoCommit(false);
        try {
            SortedSet<Integer> earlier = new TreeSet<>();
            String source = null;
            for (String table : flywayTables) {
                SortedSet<Integer> versions = flywayVersions(c, table);
                if (!versions.isEmpty()) {
                    earlier = versions;
                    source = table;
                    break;
                }
            }
            if (source == null && module.equals("scheduling") && exists(c, SCHEDULING_LEGACY_TABLE)) {
                earlier = versions(c, "SELECT version FROM " + SCHEDULING_LEGACY_TABLE);
                source = SCHEDULING_LEGACY_TABLE;
            }
            if (source != null) {
                record(c, earlier, source);
            }
            if (module.equals("scheduling") && exists(c, SCHEDULING_LEGACY_TABLE)) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE " + SCHEDULING_LEGACY_TABLE);
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void record(Connection c, SortedSet<Integer> versions, String source) throws SQLException {
        for (int version : versions) {
            Script script = scripts.stream()
                    .filter(s -> s.version() == version)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("migration V" + version + " of " + module
                            + " recorded in " + source + " is not in this version of OpenGRU (a newer one"
                            + " migrated this database): upgrade OpenGRU, do not go back"));
            insertHistory(c, script);
        }
    }

    private SortedSet<Integer> flywayVersions(Connection c, String table) throws SQLException {
        if (!exists(c, table)) {
            return new TreeSet<>();
        }
        try (Statement s = c.createStatement();
                ResultSet failed = s.executeQuery("SELECT version FROM " + table + " WHERE NOT success")) {
            if (failed.next()) {
                throw new IllegalStateException("Flyway recorded the failed migration V" + failed.getString(1) + " of "
                        + module + " in " + table + ": repair the database and that row first");
            }
        }
        SortedSet<Integer> versions = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version FROM " + table + " WHERE type = 'SQL' AND version IS NOT NULL")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (!version.matches("\\d{1,9}")) {
                    throw new IllegalStateException("Flyway history " + table + " holds version '" + version
                            + "', which no OpenGRU script of " + module + " has");
                }
                versions.add(Integer.parseInt(version));
            }
        }
        return versions;
    }

    private static SortedSet<Integer> versions(Connection c, String sql) throws SQLException {
        SortedSet<Integer> versions = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The versions of this module recorded in {@code gru_schema_history}, with their checksums. */
    private Map<Integer, String> recordedVersions(Connection c) throws SQLException {
        Map<Integer, String> recorded = new HashMap<>();
        try (PreparedStatement q =
                c.prepareStatement("SELECT version, checksum FROM gru_schema_history WHERE module = ?")) {
            q.setString(1, module);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    recorded.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return recorded;
    }

    private void insertHistory(Connection c, Script script) throws SQLException {
        try (PreparedStatement record = c.prepareStatement(
                "INSERT INTO gru_schema_history (module, version, description, checksum) VALUES (?,?,?,?)")) {
            record.setString(1, module);
            record.setInt(2, script.version());
            record.setString(3, script.description());
            record.setString(4, script.checksum());
            record.executeUpdate();
        }
    }

    private int applyPending(Connection c) throws SQLException {
        Map<Integer, String> recorded = recordedVersions(c);
        int applied = 0;
        for (Script script : scripts) {
            String checksum = recorded.get(script.version());
            if (checksum != null) {
                if (!checksum.equals(script.checksum())) {
                    throw new IllegalStateException("migration " + script.location() + " changed after it was applied"
                            + " (recorded checksum " + checksum + ")");
                }
                continue;
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(script.sql());
                insertHistory(c, script);
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
