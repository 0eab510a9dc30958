package org.opengru.spring.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.job.Job;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.PostgresRateLimiter;
import org.opengru.scheduling.postgres.PostgresWaitingListStore;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.core.RecordingSubscriber;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(EmbeddedPostgresExtension.class)
class GruSchedulingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruSchedulingAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void aSiteFromThePropertiesOffersSlotsThatCanBeBookedOnce() {
        runner.run(context -> {
            BookingService bookings = context.getBean(BookingService.class);
            // Tuesday 3 March 2026: 08:30-12:00, a slot every 10 minutes for a 20-minute appointment.
            LocalDate tuesday = LocalDate.of(2026, 3, 3);
            List<Slot> slots = bookings.availability(
                    TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport"), tuesday, tuesday, 1);
            assertThat(slots).hasSize(20);

            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            BookingRequest request = BookingRequest.online(
                    TestTenant.TENANT,
                    SiteId.of("mairie"),
                    ServiceId.of("passeport"),
                    slots.get(0).start(),
                    resident.usager());
            assertThat(bookings.book(request)).isInstanceOf(BookingResult.Booked.class);
            var other = TestTenant.resident(context.getBean(UsagerStore.class));
            assertThat(bookings.book(BookingRequest.online(
                            TestTenant.TENANT,
                            SiteId.of("mairie"),
                            ServiceId.of("passeport"),
                            slots.get(0).start(),
                            other.usager())))
                    .isInstanceOf(BookingResult.SlotUnavailable.class);
        });
    }

    @Test
    void aSitesTeamsComeFromThePropertiesAndOnlyTheirAgentsSeeItsAppointments() {
        runner.withPropertyValues("gru.tenants.saint-martin.scheduling.sites.mairie.teams=etat-civil")
                .run(context -> {
                    BookingService bookings = context.getBean(BookingService.class);
                    var etatCivil = org.opengru.core.principal.Principal.agent(
                            TestTenant.TENANT,
                            org.opengru.core.id.AgentId.of("jdupont"),
                            java.util.Set.of(org.opengru.core.id.TeamId.of("etat-civil")));
                    var voirie = org.opengru.core.principal.Principal.agent(
                            TestTenant.TENANT,
                            org.opengru.core.id.AgentId.of("mleroy"),
                            java.util.Set.of(org.opengru.core.id.TeamId.of("voirie")));
                    java.time.Instant from = java.time.Instant.parse("2026-03-03T00:00:00Z");
                    assertThat(bookings.appointments(etatCivil, SiteId.of("mairie"), from, from.plusSeconds(86_400)))
                            .isEmpty();
                    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                                    bookings.appointments(voirie, SiteId.of("mairie"), from, from.plusSeconds(86_400)))
                            .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
                });
    }

    @Test
    void inMemoryStorageKeepsTheWaitingListAndTheRateLimitInTheJvm() {
        runner.run(context -> {
            assertThat(context.getBean(WaitingListStore.class)).isNotInstanceOf(PostgresWaitingListStore.class);
            assertThat(context.getBean(RateLimiter.class)).isNotInstanceOf(PostgresRateLimiter.class);
        });
    }

    @Test
    void postgresStorageSharesTheWaitingListAndTheRateLimitBetweenNodes(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=jdbc", "gru.scheduling.rate-limit=2")
                .run(context -> {
                    assertThat(context.getBean(BookingStore.class)).isInstanceOf(PostgresBookingStore.class);
                    assertThat(context.getBean(WaitingListStore.class)).isInstanceOf(PostgresWaitingListStore.class);
                    RateLimiter limiter = context.getBean(RateLimiter.class);
                    assertThat(limiter).isInstanceOf(PostgresRateLimiter.class);
                    BookingService bookings = context.getBean(BookingService.class);
                    var resident = TestTenant.resident(context.getBean(UsagerStore.class));
                    LocalDate tuesday = LocalDate.of(2026, 3, 3);
                    bookings.joinWaitingList(
                            resident,
                            SiteId.of("mairie"),
                            ServiceId.of("passeport"),
                            resident.usager(),
                            tuesday,
                            tuesday);
                    // Another node (its own store over the same database) sees who is waiting.
                    assertThat(new PostgresWaitingListStore(db.newDataSource())
                                    .waiting(TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport")))
                            .containsExactly(resident.usager());
                    // ...and counts against the same limit.
                    RateLimiter otherNode =
                            new PostgresRateLimiter(db.newDataSource(), "booking", 2, Duration.ofMinutes(1));
                    Instant now = TestTenant.CLOCK.instant();
                    assertThat(limiter.tryAcquire("bot", now)).isTrue();
                    assertThat(otherNode.tryAcquire("bot", now)).isTrue();
                    assertThat(limiter.tryAcquire("bot", now)).isFalse();
                    assertThat(context.getBean("gruSchedulingJobs", GruJobContribution.class)
                                    .jobs())
                            .extracting(Job::name)
                            .containsExactly("expire-holds", "release-appointment-payments", "sweep-rate-limits");
                });
    }

    @Test
    void onPostgresTheRelayDeliversTheBookingEventsFromTheBookingLog(PostgresDatabase db) {
        RecordingSubscriber metier =
                new RecordingSubscriber("logiciel-metier", r -> true, r -> OutboxSubscriber.DeliveryResult.ok("204"));
        runner.withBean(DataSource.class, db::dataSource)
                .withBean("metier", OutboxSubscriber.class, () -> metier)
                .withPropertyValues("gru.storage=jdbc")
                .run(context -> {
                    BookingService bookings = context.getBean(BookingService.class);
                    var resident = TestTenant.resident(context.getBean(UsagerStore.class));
                    LocalDate tuesday = LocalDate.of(2026, 3, 3);
                    Slot slot = bookings.availability(
                                    TestTenant.TENANT,
                                    SiteId.of("mairie"),
                                    ServiceId.of("passeport"),
                                    tuesday,
                                    tuesday,
                                    1)
                            .get(5);
                    BookingResult.Booked booked = (BookingResult.Booked) bookings.book(BookingRequest.online(
                            TestTenant.TENANT,
                            SiteId.of("mairie"),
                            ServiceId.of("passeport"),
                            slot.start(),
                            resident.usager()));
                    OutboxRelay.builder(context.getBean(Outbox.class), TestTenant.CLOCK)
                            .subscriber(metier)
                            .build()
                            .drain();
                    assertThat(metier.received())
                            .filteredOn(r -> r.message()
                                    .aggregateId()
                                    .equals(booked.booking().id().toString()))
                            .extracting(r -> r.message().eventType())
                            .containsExactly("scheduling.booking.booked");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnStore() {
        BookingStore own = BookingStore.inMemory();
        runner.withBean(BookingStore.class, () -> own)
                .run(context -> assertThat(context.getBean(BookingService.class).store())
                        .isSameAs(own));
    }

    @Test
    void absentWhenGruSchedulingIsNotOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(BookingService.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("gruBookingService")
                        .doesNotHaveBean("gruBookingStore"));
    }

    @Test
    void malformedOpeningHoursStopStartupNamingTheProperty() {
        runner.withPropertyValues("gru.tenants.saint-martin.scheduling.sites.mairie.hours.monday=8h30 à midi")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("sites[mairie].hours[MONDAY]")
                        .hasMessageContaining("8h30 à midi"));
    }

    @Test
    void aServicesHoldCapComesFromThePropertiesAndBelowOneStopsStartup() {
        runner.withPropertyValues("gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.max-holds=1")
                .run(context -> assertThat(context.getBean(BookingService.class)
                                .sites()
                                .find(TestTenant.TENANT, SiteId.of("mairie"))
                                .flatMap(site -> site.service(ServiceId.of("passeport")))
                                .orElseThrow()
                                .maxHolds())
                        .isEqualTo(1));
        runner.withPropertyValues("gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.max-holds=0")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("maxHolds"));
    }

    @Test
    void aServiceTheModuleRefusesStopsStartupNamingTheSite() {
        runner.withPropertyValues(
                        "gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.max-horizon=1m",
                        "gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.min-notice=1h")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("gru.tenants.saint-martin.scheduling.sites.mairie: ")
                        .hasStackTraceContaining("maxHorizon"));
    }
}
