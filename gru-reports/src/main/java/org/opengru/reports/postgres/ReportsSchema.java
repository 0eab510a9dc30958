package org.opengru.reports.postgres;

import java.util.List;
import javax.sql.DataSource;
import org.opengru.core.jdbc.Migrations;

/**
 * The signalement tables' migrations, shipped in the jar under {@code db/opengru/reports/} and applied by
 * gru-core's {@link Migrations} runner with the module's own history ({@code reports}).
 */
public final class ReportsSchema {

    /** The scripts' file names, in order. Add new files here and never edit a released one. */
    public static final List<String> SCRIPTS = List.of("V1__reports.sql", "V2__flood_buckets.sql");

    private ReportsSchema() {}

    /**
     * This module's migrations, for gru-core's runner.
     *
     * @return the migrations, history {@code reports}
     */
    public static Migrations migrations() {
        return Migrations.of("reports", SCRIPTS);
    }

    /**
     * Applies the scripts not yet applied; returns how many ran.
     *
     * @param dataSource the database
     * @return how many scripts ran
     */
    public static int migrate(DataSource dataSource) {
        return migrations().migrate(dataSource);
    }
}
