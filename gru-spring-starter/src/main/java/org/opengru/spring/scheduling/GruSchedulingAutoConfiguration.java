package org.opengru.spring.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opengru.core.GruCore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.jobs.GruJobs;
import org.opengru.spring.storage.GruStorage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * gru-scheduling: the booking store (PostgreSQL with its exclusion constraint, or memory), the sites of
 * {@code gru.tenants.<id>.scheduling.sites}, the rules of {@code gru.scheduling}, and the booking service
 * publishing on gru-core's event bus.
 */
@AutoConfiguration(after = GruCoreAutoConfiguration.class)
@ConditionalOnClass({BookingService.class, GruCore.class})
public class GruSchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BookingStore gruBookingStore(GruStorage storage, Outbox outbox) {
        // Booking events go to gru-core's outbox, for the same subscribers, in the booking's transaction.
        return storage.dataSource()
                .<BookingStore>map(ds -> new PostgresBookingStore(ds, outbox.subscribers()))
                .orElseGet(BookingStore::inMemory);
    }

    @Bean
    @ConditionalOnMissingBean
    SiteDirectory gruSiteDirectory(GruProperties properties) {
        return SiteDirectory.of(SiteSetups.from(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    BookingPolicy gruBookingPolicy(GruProperties properties) {
        GruProperties.SchedulingRules r = properties.scheduling();
        return new BookingPolicy(
                r.holdDuration(), r.waitingListHold(), r.maxNoShows(), r.reminders(), r.alternatives());
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimiter gruBookingRateLimiter(GruProperties properties) {
        GruProperties.SchedulingRules r = properties.scheduling();
        return r.rateLimit() == 0
                ? RateLimiter.unlimited()
                : RateLimiter.fixedWindow(r.rateLimit(), r.rateLimitWindow());
    }

    @Bean
    @ConditionalOnMissingBean
    BookingService gruBookingService(
            BookingStore store,
            SiteDirectory sites,
            BookingPolicy policy,
            Clock clock,
            GruCore core,
            RateLimiter rateLimiter) {
        return new BookingService(store, sites, policy, clock, core.ids(), rateLimiter, core.events());
    }

    /** Frees expired holds (and offers them to the waiting list) every 30 seconds. */
    @Bean
    @ConditionalOnMissingBean(name = "gruSchedulingJobs")
    GruJobContribution gruSchedulingJobs(BookingService bookings, GruProperties properties) {
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        return () -> List.of(
                new GruJobs.Job("expire-holds", Duration.ofSeconds(30), () -> tenants.forEach(bookings::expireHolds)));
    }
}
