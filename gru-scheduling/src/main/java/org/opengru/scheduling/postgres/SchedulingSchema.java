package org.opengru.scheduling.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The scheduling tables' migrations, shipped in the jar under {@code db/opengru/scheduling/} with
 * Flyway-compatible names: point Flyway at that location, or call {@link #migrate(DataSource)} to apply
 * them directly (once; it records what it applied in {@code scheduling_schema_version}).
 *
 * <p>gru-core's migrations must run first ({@code Migrations.core().migrate(dataSource)} or Flyway on
 * {@code classpath:db/opengru/core}): the booking events go to gru-core's {@code gru_outbox}. Without
 * them the second script stops with an error naming the missing tables.
 */
public final class SchedulingSchema {

    /** The migration scripts, in order. */
    public static final List<String> SCRIPTS = List.of(
            "db/opengru/scheduling/V1__scheduling_bookings.sql",
            "db/opengru/scheduling/V2__core_outbox.sql",
            "db/opengru/scheduling/V3__audit_one_index.sql",
            "db/opengru/scheduling/V4__waiting_list_and_rate_limit.sql",
            "db/opengru/scheduling/V5__waiting_list_offers.sql",
            "db/opengru/scheduling/V6__holds_per_person.sql");

    private SchedulingSchema() {}

    /** The text of a script from the jar. */
    public static String script(String path) {
        try (InputStream in = SchedulingSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies the scripts not yet applied, each in its own transaction. */
    public static void migrate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TABLE IF NOT EXISTS scheduling_schema_version (version integer PRIMARY KEY, script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
                // Two nodes starting at once: the second waits here, then sees the versions applied.
                s.execute("LOCK TABLE scheduling_schema_version IN EXCLUSIVE MODE");
                for (int v = 1; v <= SCRIPTS.size(); v++) {
                    try (var rs = s.executeQuery("SELECT 1 FROM scheduling_schema_version WHERE version = " + v)) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    s.execute(script(SCRIPTS.get(v - 1)));
                    s.execute("INSERT INTO scheduling_schema_version (version, script) VALUES (" + v + ", '"
                            + SCRIPTS.get(v - 1) + "')");
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("scheduling migration failed: " + e.getMessage(), e);
        }
    }
}
