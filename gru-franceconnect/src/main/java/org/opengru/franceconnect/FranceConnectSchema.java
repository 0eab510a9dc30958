package org.opengru.franceconnect;

import java.util.List;
import javax.sql.DataSource;
import org.opengru.core.jdbc.Migrations;

/**
 * gru-franceconnect's tables (sign-in flows, account links, API Particulier's shared rate limit), migrated
 * by gru-core's {@link Migrations} runner like every module's: the Spring Boot starter runs the same, so
 * the history is the same whichever way the application embeds OpenGRU. Run gru-core's migrations first.
 */
public final class FranceConnectSchema {

    /** The scripts under {@code db/opengru/franceconnect/}, in order. */
    public static final List<String> SCRIPTS = List.of(
            "V1__franceconnect_login_flow.sql",
            "V2__franceconnect_account_link.sql",
            "V3__franceconnect_browser_binding.sql",
            "V4__franceconnect_api_particulier_rate.sql");

    private FranceConnectSchema() {}

    /**
     * This module's migrations, for gru-core's runner.
     *
     * @return the {@code franceconnect} migrations, to pass to gru-core's runner with the other modules'
     */
    public static Migrations migrations() {
        return Migrations.of("franceconnect", SCRIPTS);
    }

    /**
     * Applies the scripts not yet applied; returns how many ran.
     *
     * @param dataSource the PostgreSQL database; the runner takes an advisory lock first, so several nodes may
     * start together
     * @return how many scripts ran (0 when the schema was up to date)
     */
    public static int migrate(DataSource dataSource) {
        return migrations().migrate(dataSource);
    }
}
