package org.opengru.spring.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.documents.store.DocumentStore;
import org.opengru.franceconnect.FranceConnectSchema;
import org.opengru.payments.postgres.PaymentsSchema;
import org.opengru.reports.postgres.ReportsSchema;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Item 3 of issue 19: the starter and the plain-Java path migrate with the same runner and record the same
 * history, so a database migrated one way opens the other way; and a database migrated by the previous
 * starter, whose Flyway kept a history table per module, opens with nothing run twice.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class GruMigrationsTest {

    @Test
    void aDatabaseMigratedByThePlainJavaPathOpensWithTheStarterAndViceVersa(PostgresDatabase server) {
        PostgresDatabase plain = fresh(server, "plain");
        PostgresPersistence.builder(plain.dataSource(), java.time.Clock.systemUTC())
                .build()
                .migrate();
        DocumentStore.migrations().migrate(plain.dataSource());
        SchedulingSchema.migrate(plain.dataSource());
        FranceConnectSchema.migrate(plain.dataSource());
        PaymentsSchema.migrate(plain.dataSource());
        ReportsSchema.migrate(plain.dataSource());
        assertThat(new GruMigrations(plain.dataSource()).migrate())
                .as("run again by the starter")
                .isZero();

        PostgresDatabase starter = fresh(server, "starter");
        int applied = new GruMigrations(starter.dataSource()).migrate();
        assertThat(applied).isEqualTo(scripts());
        int again = 0;
        for (Migrations module : GruMigrations.migrations()) {
            again += module.migrate(starter.dataSource());
        }
        assertThat(again).as("run again by the plain-Java path").isZero();
        assertThat(history(starter.dataSource())).isEqualTo(history(plain.dataSource()));
    }

    @Test
    void aDatabaseMigratedByThePreviousStartersFlywayOpensWithNothingRunTwice(PostgresDatabase server)
            throws SQLException {
        PostgresDatabase db = fresh(server, "flyway");
        previousStarter(db.dataSource());
        db.execute("INSERT INTO scheduling_rate_limit (scope, identity, window_index, count)"
                + " VALUES ('book', 'usager-1', 42, 3)");

        assertThat(new GruMigrations(db.dataSource()).migrate())
                .as("scripts run again")
                .isZero();

        PostgresDatabase reference = fresh(server, "reference");
        new GruMigrations(reference.dataSource()).migrate();
        assertThat(history(db.dataSource())).isEqualTo(history(reference.dataSource()));
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count FROM scheduling_rate_limit")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void aHostsOwnFlywayHistoryOfTheCoreScriptsIsAdoptedWhenNamed(PostgresDatabase server) {
        PostgresDatabase db = fresh(server, "host_flyway");
        Flyway.configure(GruMigrationsTest.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations("classpath:db/opengru/core")
                .load()
                .migrate();

        assertThat(Migrations.core().withFlywayHistory("flyway_schema_history").migrate(db.dataSource()))
                .isZero();
        assertThat(history(db.dataSource()))
                .hasSize(Migrations.core().scripts().size())
                .allMatch(h -> h.startsWith("core:"));
    }

    /** What the previous starter ran: Flyway, one history table per module, baselined at version 0. */
    private static void previousStarter(DataSource dataSource) {
        for (String module : GruMigrations.MODULES) {
            Flyway.configure(GruMigrationsTest.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/opengru/" + module)
                    .table("gru_" + module + "_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
    }

    private static int scripts() {
        return GruMigrations.migrations().stream()
                .mapToInt(m -> m.scripts().size())
                .sum();
    }

    private static PostgresDatabase fresh(PostgresDatabase server, String name) {
        String database = server.databaseName() + "_" + name;
        server.execute("CREATE DATABASE \"" + database + "\"");
        return new PostgresDatabase(server.host(), server.port(), database, server.user());
    }

    /** The recorded history as {@code module:version:checksum}, in order. */
    static List<String> history(DataSource dataSource) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT module || ':' || version || ':' || checksum"
                        + " FROM gru_schema_history ORDER BY module, version")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The modules with a history, in any order. */
    static List<String> modulesRecorded(DataSource dataSource) {
        return history(dataSource).stream()
                .map(h -> h.substring(0, h.indexOf(':')))
                .distinct()
                .toList();
    }
}
