package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.error.ValidationException;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresJobScheduler;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.job.JobScheduler;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The PostgreSQL job scheduler with two "nodes" (two schedulers on two data sources) in this JVM. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresJobSchedulerTest {

    private static final Duration OFTEN = Duration.ofMillis(200);

    private final PostgresDatabase db;

    PostgresJobSchedulerTest(PostgresDatabase db) {
        this.db = db;
        Migrations.core().migrate(db.dataSource());
    }

    private JobScheduler node(String name, List<Job> jobs, JobListener listener) {
        return PostgresJobScheduler.builder(db.newDataSource())
                .nodeName(name)
                .lease(Duration.ofSeconds(2))
                .jobs(jobs)
                .listener(listener)
                .build();
    }

    @Test
    void twoNodesRunAJobOnOneNodeAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch runs = new CountDownLatch(12);
        Job job = Job.every("shared-tick", OFTEN, () -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50); // long enough for the other node to try while this one runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                runs.countDown();
            }
        });
        try (JobScheduler a = node("node-a", List.of(job), JobListener.none());
                JobScheduler b = node("node-b", List.of(job), JobListener.none())) {
            a.start();
            b.start();
            assertThat(runs.await(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(maxRunning.get()).as("runs at once across the two nodes").isEqualTo(1);
    }

    @Test
    void aJobThatThrowsIsLoggedReportedRecordedOnItsRowAndRunsAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Job job = Job.every("fails-twice", OFTEN, () -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                throw new StackOverflowError("simulated");
            }
            if (attempt == 2) {
                throw new IllegalStateException("simulated");
            }
        });
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch success = new CountDownLatch(1);
        JobListener listener = new JobListener() {
            @Override
            public void succeeded(Job j, Duration took) {
                success.countDown();
            }

            @Override
            public void failed(Job j, Throwable failure, Duration took) {
                failures.incrementAndGet();
            }
        };
        try (JobScheduler a = node("node-a", List.of(job), listener)) {
            a.start();
            assertThat(success.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(failures.get()).isEqualTo(2);
        }
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_failure IS NOT NULL, last_success IS NOT NULL,"
                        + " consecutive_failures FROM gru_scheduled_tasks WHERE task_name = 'fails-twice'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("last_failure recorded").isTrue();
            assertThat(rs.getBoolean(2)).as("last_success recorded").isTrue();
            assertThat(rs.getInt(3))
                    .as("consecutive failures reset by the success")
                    .isZero();
        }
    }

    @Test
    void aStuckJobDoesNotStarveTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stuckStarted = new CountDownLatch(1);
        Job stuck = Job.named("stuck").every(OFTEN).runsAtStart().runs(() -> {
            stuckStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch otherRuns = new CountDownLatch(3);
        Job other = Job.every("other", OFTEN, otherRuns::countDown);
        try (JobScheduler a = node("node-a", List.of(stuck, other), JobListener.none())) {
            a.start();
            assertThat(stuckStarted.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(otherRuns.await(60, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        Job one = Job.every("same", OFTEN, () -> {});
        Job two = Job.every("same", Duration.ofSeconds(1), () -> {});
        assertThatThrownBy(() -> PostgresJobScheduler.builder(db.dataSource())
                        .jobs(List.of(one, two))
                        .build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.name")
                .hasMessageContaining("same");
        assertThatThrownBy(() -> PostgresJobScheduler.builder(db.dataSource()).lease(Duration.ofMillis(500)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("jobs.lease")
                .hasMessageContaining("PT0.5S");
    }
}
