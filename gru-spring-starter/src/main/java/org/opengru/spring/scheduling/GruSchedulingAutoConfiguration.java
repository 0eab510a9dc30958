package org.opengru.spring.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opengru.core.GruCore;
import org.opengru.core.jdbc.EventLogTables;
import org.opengru.core.job.Job;
import org.opengru.core.notification.AppointmentStatusLookup;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.notification.BookingAppointmentStatus;
import org.opengru.scheduling.postgres.PostgresBookingPaymentStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.PostgresRateLimiter;
import org.opengru.scheduling.postgres.PostgresWaitingListStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.scheduling.usager.AppointmentTimeline;
import org.opengru.scheduling.usager.SchedulingSubjectData;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * gru-scheduling: the booking store, the waiting list and the rate limiter (PostgreSQL, shared by every
 * node, when storage is JDBC; else memory), the sites of
 * {@code gru.tenants.<id>.scheduling.sites}, the rules of {@code gru.scheduling}, the booking service
 * publishing on gru-core's event bus, and the payment holds of paying appointments ({@code BookingPayments},
 * their store in PostgreSQL with JDBC storage; paid through PayFiP by gru-payments' wiring).
 */
@AutoConfiguration(after = GruCoreAutoConfiguration.class)
@ConditionalOnClass({BookingService.class, GruCore.class})
public class GruSchedulingAutoConfiguration {

    /**
     * The booking log, which gru-core's relay reads the booking events from on PostgreSQL (its
     * persistence takes every {@link EventLogTables} bean): no copy of them in the outbox.
     */
    @Bean
    @ConditionalOnMissingBean(name = "gruBookingEventLog")
    EventLogTables gruBookingEventLog() {
        return SchedulingSchema.bookingEventLog();
    }

    @Bean
    @ConditionalOnMissingBean
    BookingStore gruBookingStore(GruStorage storage, Outbox outbox) {
        // Each booking writes its row and its event; the relay delivers the event from the log.
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

    /** Counted in PostgreSQL when storage is JDBC, so that the limit holds across nodes; else in this JVM. */
    @Bean
    @ConditionalOnMissingBean
    RateLimiter gruBookingRateLimiter(GruProperties properties, GruStorage storage) {
        GruProperties.SchedulingRules r = properties.scheduling();
        if (r.rateLimit() == 0) {
            return RateLimiter.unlimited();
        }
        return storage.dataSource()
                .<RateLimiter>map(ds -> new PostgresRateLimiter(ds, "booking", r.rateLimit(), r.rateLimitWindow()))
                .orElseGet(() -> RateLimiter.fixedWindow(r.rateLimit(), r.rateLimitWindow()));
    }

    /** In PostgreSQL when storage is JDBC: shared by every node and kept across restarts. */
    @Bean
    @ConditionalOnMissingBean
    WaitingListStore gruWaitingListStore(GruStorage storage) {
        return storage.dataSource()
                .<WaitingListStore>map(PostgresWaitingListStore::new)
                .orElseGet(WaitingListStore::inMemory);
    }

    @Bean
    @ConditionalOnMissingBean
    BookingService gruBookingService(
            BookingStore store,
            SiteDirectory sites,
            BookingPolicy policy,
            Clock clock,
            GruCore core,
            RateLimiter rateLimiter,
            WaitingListStore waitingList) {
        return new BookingService(store, sites, policy, clock, core.ids(), rateLimiter, waitingList, core.events());
    }

    /**
     * The bookings as gru-core's notifications see them: give it to the application's {@code
     * NotificationService} ({@code .appointmentStatus(lookup)}), so that a reminder for a cancelled or
     * moved appointment is suppressed right before it would go out.
     */
    @Bean
    @ConditionalOnMissingBean
    AppointmentStatusLookup gruAppointmentStatusLookup(BookingStore store, Clock clock) {
        return new BookingAppointmentStatus(store, clock);
    }

    /** The usager's appointments in their 360° timeline (merged by the {@code Timeline} bean). */
    @Bean
    @ConditionalOnMissingBean(name = "gruAppointmentTimeline")
    TimelineContributor gruAppointmentTimeline(BookingService bookings) {
        return new AppointmentTimeline(bookings.store(), bookings.sites());
    }

    /** The payments of paying appointments: in PostgreSQL when storage is JDBC (shared by every node), else memory. */
    @Bean
    @ConditionalOnMissingBean
    BookingPaymentStore gruBookingPaymentStore(GruStorage storage) {
        return storage.dataSource()
                .<BookingPaymentStore>map(PostgresBookingPaymentStore::new)
                .orElseGet(BookingPaymentStore::inMemory);
    }

    /**
     * Paying appointments ({@code ...services.<service>.price-cents}): the slot held for {@code
     * gru.scheduling.hold-duration} until paid; with gru-payments, paid through PayFiP by {@code HeldPayments}.
     */
    @Bean
    @ConditionalOnMissingBean
    BookingPayments gruBookingPayments(BookingService bookings, BookingPaymentStore store) {
        return new BookingPayments(bookings, store);
    }

    /** The appointments' (and their payments') share of the usager's RGPD export and erasure. */
    @Bean
    @ConditionalOnMissingBean(name = "gruSchedulingSubjectData")
    @Order(200)
    SubjectDataContributor gruSchedulingSubjectData(BookingService bookings, BookingPayments payments) {
        return new SchedulingSubjectData(bookings, payments);
    }

    /**
     * Frees expired holds (and offers them to the waiting list) every 30 seconds, then releases the payments
     * awaited for the holds that ended and owes the refund of a paid appointment since cancelled ({@code
     * release-appointment-payments}); with the PostgreSQL rate limiter, deletes the counters of past windows
     * every hour.
     */
    @Bean
    @ConditionalOnMissingBean(name = "gruSchedulingJobs")
    GruJobContribution gruSchedulingJobs(
            BookingService bookings,
            BookingPayments payments,
            GruProperties properties,
            RateLimiter rateLimiter,
            Clock clock) {
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        List<Job> jobs = new ArrayList<>();
        jobs.add(Job.named("expire-holds")
                .every(Duration.ofSeconds(30))
                .minimumInterval(Duration.ofSeconds(1))
                .runs(() -> tenants.forEach(bookings::expireHolds)));
        jobs.add(Job.named("release-appointment-payments")
                .every(Duration.ofSeconds(30))
                .minimumInterval(Duration.ofSeconds(1))
                .runs(() -> tenants.forEach(payments::reconcile)));
        if (rateLimiter instanceof PostgresRateLimiter shared) {
            jobs.add(Job.named("sweep-rate-limits")
                    .every(Duration.ofHours(1))
                    .minimumInterval(Duration.ofMinutes(1))
                    .runs(() -> shared.sweep(clock.instant())));
        }
        List<Job> all = List.copyOf(jobs);
        return () -> all;
    }
}
