package org.opengru.spring.jobs;

import java.util.ArrayList;
import java.util.List;
import org.opengru.core.GruCore;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.request.DeadlineSweeper;
import org.opengru.core.tenancy.TenantId;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Schedules the outbox relay ({@code gru.jobs.outbox-relay-interval}) and the pruning of its expired dead
 * letters (every 6 hours), the deadline sweeper of every
 * tenant ({@code gru.jobs.deadline-sweep-interval}) and the other modules' jobs. Turn it off with
 * {@code gru.jobs.enabled=false} to run the same beans from another scheduler or node.
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

    @Bean
    @ConditionalOnMissingBean
    GruJobs gruJobs(
            GruProperties properties,
            OutboxRelay relay,
            DeadlineSweeper sweeper,
            ObjectProvider<GruJobContribution> contributions) {
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        List<GruJobs.Job> jobs = new ArrayList<>();
        jobs.add(new GruJobs.Job("outbox-relay", properties.jobs().outboxRelayInterval(), relay::drain));
        // A dead letter keeps its payload (personal data) only for the relay's dead-letter retention.
        jobs.add(new GruJobs.Job("outbox-dead-letters", java.time.Duration.ofHours(6), relay::pruneDeadLetters));
        jobs.add(new GruJobs.Job(
                "deadline-sweeper", properties.jobs().deadlineSweepInterval(), () -> tenants.forEach(sweeper::sweep)));
        contributions.orderedStream().forEach(c -> jobs.addAll(c.jobs()));
        return new GruJobs(jobs);
    }
}
