package org.opengru.spring.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.opengru.core.GruCore;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.event.Subscription;
import org.opengru.core.job.JobListener;
import org.opengru.core.outbox.Outbox;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.franceconnect.SignInObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer metrics of OpenGRU ({@link GruMetrics}), when micrometer-core is on the classpath. Uses the
 * application's {@link MeterRegistry} (Spring Boot Actuator defines one), or a simple one otherwise.
 */
@AutoConfiguration(
        after = GruCoreAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, GruCore.class})
public class GruMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GruMetrics gruMetrics(ObjectProvider<MeterRegistry> registries, DomainEvents events, Outbox outbox, Clock clock) {
        MeterRegistry registry = registries.getIfUnique(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        GruMetrics metrics = new GruMetrics(registry);
        metrics.bindRequests(events);
        metrics.bindOutbox(outbox, clock);
        return metrics;
    }

    /** Told of every job run by {@code GruJobs}. */
    @Bean
    @ConditionalOnMissingBean(name = "gruJobMetrics")
    JobListener gruJobMetrics(GruMetrics metrics) {
        return metrics.jobListener();
    }

    @Bean
    @ConditionalOnMissingBean(name = "gruSignInMetrics")
    SignInObserver gruSignInMetrics(GruMetrics metrics) {
        return metrics::signIn;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BookingEvent.class)
    static class Bookings {
        @Bean
        @ConditionalOnMissingBean(name = "gruBookingMetrics")
        Subscription gruBookingMetrics(GruMetrics metrics, DomainEvents events) {
            return events.subscribe(
                    BookingEvent.class,
                    e -> metrics.booking(e.tenant().value(), e.kind().name()));
        }
    }
}
