package org.opengru.spring.actuate;

import java.time.Clock;
import java.time.Duration;
import org.opengru.core.GruCore;
import org.opengru.core.outbox.Outbox;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.franceconnect.rp.RelyingParties;
import org.opengru.spring.GruProperties;
import org.opengru.spring.documents.GruDocumentsAutoConfiguration;
import org.opengru.spring.franceconnect.AgentRelyingParties;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.jobs.GruJobsAutoConfiguration;
import org.opengru.spring.scheduling.GruSchedulingAutoConfiguration;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health indicators: {@code gruDatabase}, {@code gruDocuments} (storage directory and ClamAV),
 * {@code gruFranceConnect} (each provider's discovery document and JWKS) and {@code gruOutbox} (backlog,
 * oldest pending event, dead letters). The two that call out (documents, FranceConnect) run in the
 * background on each node every {@code gru.health.refresh-interval} ({@link GruHealthRefresh}) and answer
 * with their last result. Present when spring-boot-health is on the classpath.
 */
@AutoConfiguration(
        after = {
            GruDocumentsAutoConfiguration.class,
            GruSchedulingAutoConfiguration.class,
            GruFranceConnectAutoConfiguration.class,
            GruJobsAutoConfiguration.class
        })
@ConditionalOnClass({HealthIndicator.class, GruCore.class})
public class GruHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "gruDatabaseHealthIndicator")
    HealthIndicator gruDatabaseHealthIndicator(GruStorage storage) {
        return new GruHealthIndicators.Database(storage);
    }

    @Bean
    @ConditionalOnMissingBean(name = "gruOutboxHealthIndicator")
    @ConditionalOnBean(Outbox.class)
    HealthIndicator gruOutboxHealthIndicator(Outbox outbox, Clock clock) {
        return new GruHealthIndicators.OutboxBacklog(outbox, clock, Duration.ofMinutes(15));
    }

    /** Runs the checks that call out in the background, on this node. */
    @Bean
    @ConditionalOnMissingBean
    GruHealthRefresh gruHealthRefresh(GruProperties properties, ObjectProvider<CachedHealthIndicator> checks) {
        return new GruHealthRefresh(
                checks.orderedStream().toList(), properties.health().refreshInterval());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BlobStore.class)
    static class Documents {
        @Bean
        @ConditionalOnMissingBean(name = "gruDocumentsHealthIndicator")
        @ConditionalOnBean(BlobStore.class)
        CachedHealthIndicator gruDocumentsHealthIndicator(GruProperties properties, VirusScanner scanner, Clock clock) {
            return new CachedHealthIndicator(
                    "documents",
                    new GruHealthIndicators.DocumentStorage(
                            properties.documents().storagePath(), scanner),
                    clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RelyingParties.class)
    static class FranceConnect {
        @Bean
        @ConditionalOnMissingBean(name = "gruFranceConnectHealthIndicator")
        @ConditionalOnBean(RelyingParties.class)
        CachedHealthIndicator gruFranceConnectHealthIndicator(
                GruProperties properties, RelyingParties residents, AgentRelyingParties agents, Clock clock) {
            return new CachedHealthIndicator(
                    "franceconnect",
                    new GruHealthIndicators.Providers(properties, residents, agents, Duration.ofSeconds(3)),
                    clock);
        }
    }
}
