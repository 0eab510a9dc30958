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
 * oldest pending event, dead letters). Present when spring-boot-health is on the classpath.
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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BlobStore.class)
    static class Documents {
        @Bean
        @ConditionalOnMissingBean(name = "gruDocumentsHealthIndicator")
        @ConditionalOnBean(BlobStore.class)
        HealthIndicator gruDocumentsHealthIndicator(GruProperties properties, VirusScanner scanner) {
            return new GruHealthIndicators.DocumentStorage(
                    properties.documents().storagePath(), scanner);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RelyingParties.class)
    static class FranceConnect {
        @Bean
        @ConditionalOnMissingBean(name = "gruFranceConnectHealthIndicator")
        @ConditionalOnBean(RelyingParties.class)
        HealthIndicator gruFranceConnectHealthIndicator(
                GruProperties properties, RelyingParties residents, AgentRelyingParties agents) {
            return new GruHealthIndicators.Providers(properties, residents, agents, Duration.ofSeconds(3));
        }
    }
}
