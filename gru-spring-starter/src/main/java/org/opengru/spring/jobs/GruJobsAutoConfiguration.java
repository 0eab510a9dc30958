package org.opengru.spring.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengru.core.GruCore;
import org.opengru.core.error.ValidationException;
import org.opengru.core.jdbc.PostgresJobScheduler;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.job.JobScheduler;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.request.DeadlineSweeper;
import org.opengru.core.tenancy.TenantId;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.core.InvalidTenantSetupException;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Schedules the outbox relay ({@code gru.jobs.outbox-relay-interval}) and the pruning of its expired dead
 * letters (every 6 hours), the deadline sweeper of every tenant ({@code gru.jobs.deadline-sweep-interval})
 * and every {@link GruJobContribution}'s jobs, on PostgreSQL's shared schedule when the storage is JDBC and
 * in this JVM otherwise. Every {@link JobListener} bean hears of each run. Bad settings fail the start
 * naming the property: an interval under its job's minimum ({@code gru.jobs.intervals.<job>}), an
 * interval for no job, two jobs with one name. Turn it off with {@code gru.jobs.enabled=false} to run the
 * same beans from another scheduler.
 */
@AutoConfiguration(
        after = GruCoreAutoConfiguration.class,
        afterName = {
            "org.opengru.spring.scheduling.GruSchedulingAutoConfiguration",
            "org.opengru.spring.documents.GruDocumentsAutoConfiguration",
            "org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration"
        })
@ConditionalOnClass(GruCore.class)
@ConditionalOnProperty(prefix = "gru.jobs", name = "enabled", havingValue = "true", matchIfMissing = true)
public class GruJobsAutoConfiguration {

    private static final String OWN = "gruJobs";

    @Bean
    @ConditionalOnMissingBean
    GruJobs gruJobs(
            GruProperties properties,
            GruStorage storage,
            OutboxRelay relay,
            DeadlineSweeper sweeper,
            ListableBeanFactory beans,
            ObjectProvider<JobListener> listeners) {
        GruProperties.Jobs settings = properties.jobs();
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        // Each job with the bean it came from, for the message when two share a name.
        Map<String, Job> jobs = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        List<Job> own = List.of(
                Job.named("outbox-relay")
                        .every(settings.outboxRelayInterval())
                        .minimumInterval(Duration.ofMillis(100))
                        .setting("gru.jobs.outbox-relay-interval")
                        .runs(relay::drain),
                // A dead letter keeps its payload (personal data) only for the relay's dead-letter retention.
                Job.named("outbox-dead-letters")
                        .every(Duration.ofHours(6))
                        .minimumInterval(Duration.ofMinutes(1))
                        .runs(relay::pruneDeadLetters),
                Job.named("deadline-sweeper")
                        .every(settings.deadlineSweepInterval())
                        .minimumInterval(Duration.ofSeconds(1))
                        .setting("gru.jobs.deadline-sweep-interval")
                        .runs(() -> tenants.forEach(sweeper::sweep)));
        own.forEach(job -> add(jobs, origin, OWN, job));
        beans.getBeansOfType(GruJobContribution.class)
                .forEach((name, contribution) -> contribution.jobs().forEach(job -> add(jobs, origin, name, job)));
        settings.intervalsOrEmpty().forEach((name, interval) -> {
            String property = "gru.jobs.intervals." + name;
            Job job = jobs.get(name);
            if (job == null) {
                throw new InvalidTenantSetupException(property, "names no job; the jobs are " + jobs.keySet(), null);
            }
            if (job.setting().startsWith("gru.")) {
                throw new InvalidTenantSetupException(property, "is set by " + job.setting() + "; use that", null);
            }
            try {
                jobs.put(name, job.withInterval(interval, property));
            } catch (ValidationException e) {
                throw new InvalidTenantSetupException(
                        property, "=" + interval + " is under the minimum interval " + job.minimumInterval(), e);
            }
        });
        List<Job> all = List.copyOf(jobs.values());
        JobListener listener = JobListener.all(listeners.orderedStream().toList());
        JobScheduler scheduler = storage.dataSource()
                .<JobScheduler>map(ds -> {
                    PostgresJobScheduler.Builder b = PostgresJobScheduler.builder(ds)
                            .jobs(all)
                            .listener(listener)
                            .lease(settings.lease());
                    if (settings.nodeName() != null) {
                        b.nodeName(settings.nodeName());
                    }
                    return b.build();
                })
                .orElseGet(() -> JobScheduler.local(all, listener));
        return new GruJobs(scheduler);
    }

    private static void add(Map<String, Job> jobs, Map<String, String> origin, String bean, Job job) {
        String before = origin.putIfAbsent(job.name(), bean);
        if (before != null) {
            throw new InvalidTenantSetupException(
                    "gru.jobs",
                    "has two jobs named '" + job.name() + "' (from the beans " + before + " and " + bean
                            + "): give each GruJobContribution's jobs names of their own",
                    null);
        }
        jobs.put(job.name(), job);
    }
}
