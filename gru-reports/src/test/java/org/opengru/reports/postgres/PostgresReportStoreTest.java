package org.opengru.reports.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.Migrations;
import org.opengru.reports.ReportStore;
import org.opengru.reports.ReportStoreContract;
import org.opengru.test.postgres.EmbeddedPostgresExtension;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresReportStoreTest extends ReportStoreContract {

    private final DataSource dataSource;
    private final PostgresReportStore store;

    PostgresReportStoreTest(DataSource dataSource) {
        this.dataSource = dataSource;
        Migrations.core().migrate(dataSource);
        ReportsSchema.migrate(dataSource);
        this.store = new PostgresReportStore(JdbcTransactions.of(dataSource));
    }

    @Override
    protected ReportStore store() {
        return store;
    }

    @Test
    void migrationsAreInTheJarAndRunOnce() {
        assertThat(ReportsSchema.migrate(dataSource)).isZero();
    }
}
