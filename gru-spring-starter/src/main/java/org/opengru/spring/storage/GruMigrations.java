package org.opengru.spring.storage;

import java.util.List;
import javax.sql.DataSource;
import org.opengru.core.jdbc.Migrations;
import org.opengru.documents.store.DocumentStore;
import org.opengru.franceconnect.FranceConnectSchema;
import org.opengru.payments.postgres.PaymentsSchema;
import org.opengru.reports.postgres.ReportsSchema;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL migrations shipped in each OpenGRU jar with the library's own runner ({@link
 * Migrations}), the one a plain-Java application calls: the history is the same either way ({@code
 * gru_schema_history}), so an application can move between the two. The runner takes one advisory lock
 * before anything else, so any number of nodes may start together. A database migrated by an earlier
 * starter, whose Flyway kept one history table per module ({@code gru_<module>_schema_history}), is
 * adopted as it is: nothing runs twice. The host application's own Flyway migrations are not touched.
 */
public final class GruMigrations {

    /** The modules whose migrations are applied, in dependency order. */
    public static final List<String> MODULES =
            List.of("core", "documents", "scheduling", "franceconnect", "payments", "reports");

    private static final Logger log = LoggerFactory.getLogger(GruMigrations.class);

    private final DataSource dataSource;

    public GruMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every module's migrations, in {@link #MODULES} order. */
    public static List<Migrations> migrations() {
        return List.of(
                Migrations.core(),
                DocumentStore.migrations(),
                SchedulingSchema.migrations(),
                FranceConnectSchema.migrations(),
                PaymentsSchema.migrations(),
                ReportsSchema.migrations());
    }

    /** Migrates every module; returns the number of migrations applied. */
    public int migrate() {
        int applied = 0;
        for (Migrations module : migrations()) {
            int count = module.migrate(dataSource);
            log.info("OpenGRU {}: {} migration(s) applied", module.module(), count);
            applied += count;
        }
        return applied;
    }
}
