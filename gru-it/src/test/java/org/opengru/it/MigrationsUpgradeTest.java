package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.Migrations;
import org.opengru.documents.store.DocumentStore;
import org.opengru.franceconnect.FranceConnectSchema;
import org.opengru.payments.postgres.PaymentsSchema;
import org.opengru.reports.postgres.ReportsSchema;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Item 3 of issue 19: a database migrated by the previous version's plain-Java path opens with this one.
 * Then gru-scheduling kept its own history ({@code scheduling_schema_version}); core, documents and
 * franceconnect already used {@code gru_schema_history}. The runner adopts the scheduling history, drops
 * the old table and applies nothing twice; the data stays.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class MigrationsUpgradeTest {

    @Test
    void aDatabaseMigratedByThePreviousPlainJavaPathOpensAndNothingRunsTwice(PostgresDatabase server) throws Exception {
        PostgresDatabase db = ConcurrentMigrationsTest.freshDatabase(server, 0);
        DataSource ds = db.dataSource();
        Migrations.core().migrate(ds);
        DocumentStore.migrations().migrate(ds);
        PreviousSchedulingSchema.migrate(ds);
        FranceConnectSchema.migrations().migrate(ds);
        db.execute("INSERT INTO scheduling_rate_limit (scope, identity, window_index, count)"
                + " VALUES ('book', 'usager-1', 42, 3)");

        int applied = 0;
        int newModules = 0;
        int newScheduling = 0;
        for (Migrations module : AllModules.migrations()) {
            // gru-payments and gru-reports came after that version: their scripts run for the first time.
            if (module.module().equals("payments") || module.module().equals("reports")) {
                newModules += module.migrate(ds);
            } else if (module.module().equals("scheduling")) {
                newScheduling += module.migrate(ds); // the scripts after that version's seven
            } else {
                applied += module.migrate(ds);
            }
        }

        assertThat(applied).as("scripts run again").isZero();
        assertThat(newModules)
                .as("the new modules' scripts")
                .isEqualTo(PaymentsSchema.SCRIPTS.size() + ReportsSchema.SCRIPTS.size());
        assertThat(newScheduling)
                .as("scheduling's scripts after that version")
                .isEqualTo(SchedulingSchema.SCRIPTS.size() - PreviousSchedulingSchema.SCRIPTS);
        assertThat(ConcurrentMigrationsTest.recordedVersions(db, "scheduling"))
                .startsWith(1, 2, 3, 4, 5, 6, 7)
                .as("every script of the list, V12 (the lighter booking row) among them")
                .hasSize(SchedulingSchema.SCRIPTS.size())
                .contains(12);
        assertThat(count(ds, "SELECT count(*) FROM scheduling_rate_limit")).isEqualTo(1);
        assertThat(count(ds, "SELECT count(*) FROM pg_tables WHERE tablename = 'scheduling_schema_version'"))
                .as("the old history table, adopted")
                .isZero();
        assertThat(SchedulingSchema.migrate(ds)).isZero();
    }

    @Test
    void aHistoryFromANewerVersionIsRefusedRatherThanGuessed(PostgresDatabase server) throws SQLException {
        PostgresDatabase db = ConcurrentMigrationsTest.freshDatabase(server, 1);
        DataSource ds = db.dataSource();
        Migrations.core().migrate(ds);
        PreviousSchedulingSchema.migrate(ds);
        db.execute("INSERT INTO scheduling_schema_version (version, script) VALUES (99, 'V99__from_the_future.sql')");

        assertThatThrownBy(() -> SchedulingSchema.migrate(ds))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V99")
                .hasMessageContaining("scheduling_schema_version");
        assertThat(count(ds, "SELECT count(*) FROM pg_tables WHERE tablename = 'scheduling_schema_version'"))
                .as("nothing half-done: the old history is still there")
                .isEqualTo(1);
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** gru-scheduling's migration runner of the previous version, as it was (its own history table). */
    static final class PreviousSchedulingSchema {

        /** The scripts that version had: V1 to V7. */
        static final int SCRIPTS = 7;

        static void migrate(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS scheduling_schema_version (version integer PRIMARY KEY,"
                            + " script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
                    s.execute("LOCK TABLE scheduling_schema_version IN EXCLUSIVE MODE");
                    for (int v = 1; v <= SCRIPTS; v++) {
                        try (ResultSet rs =
                                s.executeQuery("SELECT 1 FROM scheduling_schema_version WHERE version = " + v)) {
                            if (rs.next()) {
                                continue;
                            }
                        }
                        s.execute(SchedulingSchema.script(SchedulingSchema.SCRIPTS.get(v - 1)));
                        s.execute("INSERT INTO scheduling_schema_version (version, script) VALUES (" + v + ", '"
                                + SchedulingSchema.SCRIPTS.get(v - 1) + "')");
                    }
                }
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("scheduling migration failed: " + e.getMessage(), e);
            }
        }
    }
}
