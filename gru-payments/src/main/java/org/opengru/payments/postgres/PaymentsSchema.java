package org.opengru.payments.postgres;

import java.util.List;
import javax.sql.DataSource;
import org.opengru.core.jdbc.Migrations;

/**
 * The payment tables' migrations, shipped in the jar under {@code db/opengru/payments/} and applied by
 * gru-core's {@link Migrations} runner with the module's own history ({@code payments}). gru-core's
 * migrations run first (the audit trail is gru-core's).
 */
public final class PaymentsSchema {

    /** The scripts' file names, in order. Add new files here and never edit a released one. */
    public static final List<String> SCRIPTS =
            List.of("V1__payments.sql", "V2__payment_payer.sql", "V3__payment_outcomes.sql");

    private PaymentsSchema() {}

    /** This module's migrations, for gru-core's runner. */
    public static Migrations migrations() {
        return Migrations.of("payments", SCRIPTS);
    }

    /** Applies the scripts not yet applied; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return migrations().migrate(dataSource);
    }
}
