package org.opengru.spring.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.PostgresJobScheduler;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.job.JobScheduler;
import org.opengru.spring.TestTenant;
import org.opengru.spring.actuate.GruMetricsAutoConfiguration;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.scheduling.GruSchedulingAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(EmbeddedPostgresExtension.class)
class GruJobsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruSchedulingAutoConfiguration.class,
                    GruFranceConnectAutoConfiguration.class,
                    GruJobsAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void everyModulesJobRunsOnTheSchedulerWhichStartsWithTheContext() {
        runner.run(context -> {
            GruJobs jobs = context.getBean(GruJobs.class);
            assertThat(jobs.isRunning()).isTrue();
            assertThat(jobs.scheduler()).isNotInstanceOf(PostgresJobScheduler.class);
            assertThat(jobs.jobs())
                    .extracting(Job::name)
                    .containsExactlyInAnyOrder(
                            "outbox-relay",
                            "outbox-dead-letters",
                            "deadline-sweeper",
                            "lapse-unpaid-requests",
                            "expire-holds",
                            "release-appointment-payments",
                            "login-flow-purge");
            jobs.runAllOnce();
        });
    }

    @Test
    void onPostgresTheJobsShareOneScheduleAcrossTheNodes(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues(
                        "gru.jobs.node-name=app-1", "gru.jobs.lease=20s", "gru.jobs.intervals.expire-holds=10s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    GruJobs jobs = context.getBean(GruJobs.class);
                    assertThat(jobs.scheduler()).isInstanceOfSatisfying(PostgresJobScheduler.class, pg -> {
                        assertThat(pg.nodeName()).isEqualTo("app-1");
                        assertThat(pg.lease()).isEqualTo(Duration.ofSeconds(20));
                    });
                    assertThat(jobs.jobs())
                            .filteredOn(j -> j.name().equals("expire-holds"))
                            .singleElement()
                            .satisfies(j -> assertThat(j.interval()).isEqualTo(Duration.ofSeconds(10)));
                    try (Connection c = db.dataSource().getConnection();
                            Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT count(*) FROM gru_scheduled_tasks")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(jobs.jobs().size());
                    }
                });
    }

    @Test
    void aFailingJobIsCountedAndTheOthersStillRun() {
        runner.withConfiguration(AutoConfigurations.of(GruMetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(
                        "boom",
                        GruJobContribution.class,
                        () -> () -> List.of(Job.every("boom", Duration.ofHours(1), () -> {
                            throw new NoClassDefFoundError("simulated");
                        })))
                .run(context -> {
                    GruJobs jobs = context.getBean(GruJobs.class);
                    jobs.runAllOnce();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.counter("gru.jobs.failures", "job", "boom", "error", "NoClassDefFoundError")
                                    .count())
                            .isEqualTo(1.0);
                    assertThat(meters.timer("gru.jobs.runs", "job", "outbox-relay", "outcome", "success")
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void anIntervalUnderItsJobsMinimumFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("gru.jobs.intervals.expire-holds=100ms")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.jobs.intervals.expire-holds")
                        .hasMessageContaining("PT0.1S"));
        runner.withPropertyValues("gru.jobs.outbox-relay-interval=0s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("outboxRelayInterval"));
    }

    @Test
    void anIntervalForNoJobOrForAJobWithItsOwnPropertyFailsTheStart() {
        runner.withPropertyValues("gru.jobs.intervals.expire-hold=1m")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.jobs.intervals.expire-hold names no job"));
        runner.withPropertyValues("gru.jobs.intervals.outbox-relay=5s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "gru.jobs.intervals.outbox-relay is set by gru.jobs.outbox-relay-interval"));
    }

    @Test
    void twoJobsWithOneNameFailTheStartNamingBothBeans() {
        runner.withBean(
                        "myHolds",
                        GruJobContribution.class,
                        () -> () -> List.of(Job.every("expire-holds", Duration.ofMinutes(1), () -> {})))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("two jobs named 'expire-holds'")
                        .hasMessageContaining("gruSchedulingJobs")
                        .hasMessageContaining("myHolds"));
    }

    @Test
    void aLeaseUnderTwoSecondsFailsTheStart() {
        runner.withPropertyValues("gru.jobs.lease=1s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("gru.jobs.lease"));
    }

    @Test
    void theHostCanTurnTheSchedulerOffAndKeepTheJobBeans() {
        runner.withPropertyValues("gru.jobs.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(GruJobs.class);
            assertThat(context).hasSingleBean(org.opengru.core.outbox.OutboxRelay.class);
            assertThat(context).hasSingleBean(org.opengru.core.request.DeadlineSweeper.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnScheduler() {
        GruJobs own = new GruJobs(JobScheduler.local(List.of(), JobListener.none()));
        runner.withBean(GruJobs.class, () -> own)
                .run(context -> assertThat(context.getBean(GruJobs.class)).isSameAs(own));
    }

    @Test
    void absentWhenGruCoreIsNotOnTheClasspath() {
        runner.withClassLoader(
                        new org.springframework.boot.test.context.FilteredClassLoader(org.opengru.core.GruCore.class))
                .run(context -> assertThat(context).doesNotHaveBean(GruJobs.class));
    }
}
