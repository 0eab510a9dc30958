package org.opengru.reports.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.Migrations;
import org.opengru.reports.Follower;
import org.opengru.reports.Report;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.Reporter;
import org.opengru.reports.ReportsFixture;
import org.opengru.test.postgres.EmbeddedPostgresExtension;

/**
 * Residents press "+1" on one report at the same moment while an agent takes it, each on their own
 * connection as on several nodes: every "+1" lands (the losers of a race read again), and the agent's
 * change is neither lost nor overwritten.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ConcurrentSupportTest {

    private static final int RESIDENTS = 6;

    private final ReportsFixture f;

    ConcurrentSupportTest(DataSource dataSource) {
        Migrations.core().migrate(dataSource);
        ReportsSchema.migrate(dataSource);
        f = new ReportsFixture(new PostgresReportStore(JdbcTransactions.of(dataSource)));
    }

    @Test
    void everyPlusOneLandsAndTheAgentsChangeStays() throws Exception {
        Report r = f.service
                .file(f.draft(Reporter.resident(UsagerId.of(UUID.randomUUID()))))
                .report();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RESIDENTS);
        List<Future<?>> done = new ArrayList<>();
        List<Reporter> residents = new ArrayList<>();
        try {
            for (int i = 0; i < RESIDENTS; i++) {
                Reporter resident = Reporter.resident(UsagerId.of(UUID.randomUUID()));
                residents.add(resident);
                done.add(pool.submit(() -> {
                    start.await();
                    return f.service.support(TENANT, r.id(), resident, "198.51.100." + residents.size());
                }));
            }
            start.countDown();
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdownNow();
        }
        f.service.changeStatus(TENANT, r.id(), ReportStatus.IN_PROGRESS, AgentId.of("agent-1"));

        Report after = f.service.report(TENANT, r.id());
        assertThat(after.followers()).hasSize(RESIDENTS + 1);
        assertThat(after.followers()).extracting(Follower::reporter).containsAll(residents);
        assertThat(after.status()).isEqualTo(ReportStatus.IN_PROGRESS);
        assertThat(after.version()).isEqualTo(RESIDENTS + 1);
    }
}
