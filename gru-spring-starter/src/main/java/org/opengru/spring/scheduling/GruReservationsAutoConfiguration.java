package org.opengru.spring.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opengru.core.GruCore;
import org.opengru.core.jdbc.EventLogTables;
import org.opengru.core.job.Job;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Representations;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStore;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStore;
import org.opengru.scheduling.usager.ReservationsSubjectData;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.payments.GruPaymentsAutoConfiguration;
import org.opengru.spring.payments.HeldPayments;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * gru-scheduling's reservations and registrations: the rooms and equipment of {@code
 * gru.tenants.<id>.scheduling.reservables} and the event sessions of {@code ...scheduling.events} (plus any
 * {@link Reservable} and {@link EventSession} beans of the application), their stores (PostgreSQL, shared by
 * every node, when storage is JDBC; else memory), the two services, their share of the RGPD export and
 * erasure, the {@code expire-reservation-holds} job, and, with gru-payments, {@link HeldPayments} paying them
 * (and the paying appointments' holds) through PayFiP.
 */
@AutoConfiguration(after = {GruCoreAutoConfiguration.class, GruPaymentsAutoConfiguration.class})
@ConditionalOnClass({ReservationService.class, GruCore.class})
public class GruReservationsAutoConfiguration {

    /**
     * The reservations' log, which gru-core's relay reads their events from on PostgreSQL (its persistence
     * takes every {@link EventLogTables} bean): no copy of them in the outbox.
     */
    @Bean
    @ConditionalOnMissingBean(name = "gruReservationEventLog")
    EventLogTables gruReservationEventLog() {
        return SchedulingSchema.reservationEventLog();
    }

    /** The registrations' log, read by gru-core's relay as the reservations' one. */
    @Bean
    @ConditionalOnMissingBean(name = "gruRegistrationEventLog")
    EventLogTables gruRegistrationEventLog() {
        return SchedulingSchema.registrationEventLog();
    }

    @Bean
    @ConditionalOnMissingBean
    ReservationStore gruReservationStore(GruStorage storage) {
        // Each change writes its row and its event; the relay delivers the event from the log.
        return storage.dataSource()
                .<ReservationStore>map(PostgresReservationStore::new)
                .orElseGet(ReservationStore::inMemory);
    }

    @Bean
    @ConditionalOnMissingBean
    RegistrationStore gruRegistrationStore(GruStorage storage) {
        return storage.dataSource()
                .<RegistrationStore>map(PostgresRegistrationStore::new)
                .orElseGet(RegistrationStore::inMemory);
    }

    @Bean
    @ConditionalOnMissingBean
    ReservationCatalogue gruReservationCatalogue(
            GruProperties properties, ObjectProvider<Reservable> reservables, ObjectProvider<EventSession> sessions) {
        List<Reservable> all = new ArrayList<>(ReservationSetups.reservables(properties));
        reservables.orderedStream().forEach(all::add);
        List<EventSession> allSessions = new ArrayList<>(ReservationSetups.sessions(properties));
        sessions.orderedStream().forEach(allSessions::add);
        Map<String, String> names = new HashMap<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.Scheduling s = properties.tenant(id).scheduling();
            if (s != null) {
                s.reservablesOrEmpty()
                        .forEach((code, d) -> d.requiredPiecesOrEmpty()
                                .forEach((piece, name) -> names.put(
                                        ReservationCatalogue.key(
                                                TenantId.of(id),
                                                org.opengru.scheduling.reservation.ReservableId.of(code),
                                                piece),
                                        name)));
            }
        }
        return new ReservationCatalogue(all, allSessions, names);
    }

    @Bean
    @ConditionalOnMissingBean
    ReservationService gruReservationService(
            ReservationStore store, ReservationCatalogue catalogue, Clock clock, GruCore core) {
        return new ReservationService(
                store,
                catalogue.all(),
                new Representations(core.usagers(), core.mandates()),
                clock,
                core.ids(),
                core.events());
    }

    /** Declares every session at start (harmless again on each node and restart). */
    @Bean
    @ConditionalOnMissingBean
    RegistrationService gruRegistrationService(
            RegistrationStore store, ReservationCatalogue catalogue, Clock clock, GruCore core) {
        RegistrationService service = new RegistrationService(
                store, new Representations(core.usagers(), core.mandates()), clock, core.ids(), core.events());
        catalogue.allSessions().forEach(service::declare);
        return service;
    }

    /** The reservations' and registrations' share of the usager's RGPD export and erasure. */
    @Bean
    @ConditionalOnMissingBean(name = "gruReservationsSubjectData")
    @Order(210)
    SubjectDataContributor gruReservationsSubjectData(
            ReservationService reservations, RegistrationService registrations) {
        return new ReservationsSubjectData(reservations, registrations);
    }

    /** Releases the reservations and places whose payment hold ended, every 30 seconds. */
    @Bean
    @ConditionalOnMissingBean(name = "gruReservationJobs")
    GruJobContribution gruReservationJobs(
            ReservationService reservations, RegistrationService registrations, GruProperties properties) {
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        List<Job> jobs = List.of(Job.named("expire-reservation-holds")
                .every(Duration.ofSeconds(30))
                .minimumInterval(Duration.ofSeconds(1))
                .runs(() -> tenants.forEach(t -> {
                    reservations.expireHolds(t);
                    registrations.expireHolds(t);
                })));
        return () -> jobs;
    }

    /** With gru-payments: reservations and places paid through PayFiP. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(PaymentService.class)
    @ConditionalOnBean(PaymentService.class)
    static class Payments {

        @Bean
        @ConditionalOnMissingBean
        HeldPayments gruHeldPayments(
                PaymentService payments,
                PaymentStore store,
                ReservationService reservations,
                RegistrationService registrations,
                ObjectProvider<BookingPayments> appointments,
                Clock clock) {
            return new HeldPayments(payments, store, reservations, registrations, appointments.getIfAvailable(), clock);
        }
    }
}
