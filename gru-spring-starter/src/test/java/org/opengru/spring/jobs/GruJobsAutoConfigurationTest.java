package org.opengru.spring.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.scheduling.GruSchedulingAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
            assertThat(jobs.jobs())
                    .extracting(GruJobs.Job::name)
                    .containsExactlyInAnyOrder(
                            "outbox-relay",
                            "outbox-dead-letters",
                            "deadline-sweeper",
                            "expire-holds",
                            "login-flow-purge");
            jobs.runAllOnce();
        });
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
        GruJobs own = new GruJobs(java.util.List.of());
        runner.withBean(GruJobs.class, () -> own)
                .run(context -> assertThat(context.getBean(GruJobs.class)).isSameAs(own));
    }

    @Test
    void absentWhenGruCoreIsNotOnTheClasspath() {
        runner.withClassLoader(
                        new org.springframework.boot.test.context.FilteredClassLoader(org.opengru.core.GruCore.class))
                .run(context -> assertThat(context).doesNotHaveBean(GruJobs.class));
    }

    @Test
    void aZeroIntervalIsRefused() {
        runner.withPropertyValues("gru.jobs.outbox-relay-interval=0s")
                .run(context -> assertThat(context).hasFailed());
    }
}
