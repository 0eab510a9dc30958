package org.opengru.reports.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.reports.ReportsFixture.AGENT;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.reports.FollowerMailer;
import org.opengru.reports.Report;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportNotice;
import org.opengru.reports.ReportNotifier;
import org.opengru.reports.ReportQuery;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.Reporter;
import org.opengru.reports.ReportsFixture;
import org.opengru.test.postgres.EmbeddedPostgresExtension;

/**
 * Issue 24: a status change and its notices to every reporter are one transaction, made so by the service
 * itself (the caller wraps nothing). The notices are queued through the same {@code JdbcTransactions} as
 * the store, as gru-core's notifications are; a notice that cannot be queued undoes the change and the
 * notices queued before it.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class StatusAndNoticesOneTransactionTest {

    private final JdbcTransactions tx;
    private final PostgresReportStore store;
    private final ReportsFixture f;
    private final AtomicReference<Reporter> failFor = new AtomicReference<>();
    private final ReportService service;

    StatusAndNoticesOneTransactionTest(DataSource dataSource) {
        Migrations.core().migrate(dataSource);
        ReportsSchema.migrate(dataSource);
        tx = JdbcTransactions.of(dataSource);
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE IF NOT EXISTS notice_queue"
                    + " (report uuid NOT NULL, status text NOT NULL, reporter text NOT NULL)")) {
                ps.execute();
            }
            return null;
        });
        store = new PostgresReportStore(tx);
        f = new ReportsFixture(store);
        // Queues each notice in the transaction open on the thread, as gru-core's outbox does.
        ReportNotifier queue = notice -> {
            tx.inTransaction(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO notice_queue (report, status, reporter) VALUES (?, ?, ?)")) {
                    ps.setObject(1, notice.report().value());
                    ps.setString(2, notice.status().name());
                    ps.setString(3, notice.to().toString());
                    ps.executeUpdate();
                }
                return null;
            });
            if (notice.to().equals(failFor.get())) {
                throw new IllegalStateException("the notice to " + notice.to() + " cannot be queued");
            }
        };
        FollowerMailer noMail = new FollowerMailer() {
            @Override
            public void sendVerification(TenantId t, EmailAddress to, ReportId r, String token, Instant expiresAt) {}

            @Override
            public void sendStatus(TenantId t, EmailAddress to, ReportNotice notice) {}
        };
        service = ReportService.builder(f.clock, store, f.blobs, queue, noMail)
                .settings(ReportsFixture.settings(true))
                .build();
    }

    @Test
    void aNoticeThatCannotBeQueuedUndoesTheStatusChangeAndTheOtherNotices() {
        Reporter author = Reporter.resident(UsagerId.of(UUID.randomUUID()));
        Reporter second = Reporter.resident(UsagerId.of(UUID.randomUUID()));
        Reporter third = Reporter.resident(UsagerId.of(UUID.randomUUID()));
        Report r = service.file(f.draft(author)).report();
        service.support(TENANT, r.id(), second, "198.51.100.2");
        service.support(TENANT, r.id(), third, "198.51.100.3");

        failFor.set(third);
        assertThatThrownBy(() -> service.changeStatus(AGENT, r.id(), ReportStatus.IN_PROGRESS))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.find(TENANT, r.id()).orElseThrow().status())
                .as("the change, undone with its notices")
                .isEqualTo(ReportStatus.RECEIVED);
        assertThat(queued(r.id(), ReportStatus.IN_PROGRESS))
                .as("notices left queued")
                .isZero();

        failFor.set(null);
        service.changeStatus(AGENT, r.id(), ReportStatus.IN_PROGRESS);
        assertThat(store.find(TENANT, r.id()).orElseThrow().status()).isEqualTo(ReportStatus.IN_PROGRESS);
        assertThat(queued(r.id(), ReportStatus.IN_PROGRESS))
                .as("one notice per reporter")
                .isEqualTo(3);
    }

    @Test
    void aFailedNoticeToTheAuthorLeavesNoReportFiled() {
        Reporter author = Reporter.resident(UsagerId.of(UUID.randomUUID()));
        failFor.set(author);
        int before = filed();
        assertThatThrownBy(() -> service.file(f.draft(author))).isInstanceOf(IllegalStateException.class);
        assertThat(filed()).isEqualTo(before);
    }

    private int filed() {
        return store.list(ReportQuery.all(TENANT).limit(1000)).size();
    }

    private long queued(ReportId report, ReportStatus status) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT count(*) FROM notice_queue WHERE report = ? AND status = ?")) {
                ps.setObject(1, report.value());
                ps.setString(2, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
