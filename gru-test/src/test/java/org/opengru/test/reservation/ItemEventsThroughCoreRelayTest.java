package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.reservation.ReservationContract.AGENT;
import static org.opengru.test.reservation.ReservationContract.ASSOCIATIONS;
import static org.opengru.test.reservation.ReservationContract.GYM;
import static org.opengru.test.reservation.ReservationContract.T0;
import static org.opengru.test.reservation.ReservationContract.TENANT;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationEvent;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.SmallPool;

/**
 * Issue 23: reservation and registration events go to gru-core's outbox in the transaction of each change,
 * like the bookings', and gru-core's relay delivers them to a webhook subscriber per item in order, with
 * the same ids as the events the services publish in process. No personal data in the payloads.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ItemEventsThroughCoreRelayTest {

    private static final String SUBSCRIBER = "logiciel-metier";

    private static SmallPool pool;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        SchedulingFixture.migrate(database.dataSource());
        pool = new SmallPool(database.dataSource(), 4);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void reservationAndRegistrationEventsAreDeliveredInOrderWithTheIdsPublishedInProcess() throws Exception {
        MutableClock clock = new MutableClock(T0);
        List<DomainEvent> published = new CopyOnWriteArrayList<>();
        Representations representations = new Representations(UsagerStore.inMemory(), MandateStore.inMemory());
        ReservationService reservations = new ReservationService(
                new PostgresReservationStore(pool),
                List.of(ReservationContract.gym()),
                representations,
                clock,
                IdGenerator.create(clock),
                published::addAll);
        RegistrationService registrations = new RegistrationService(
                new PostgresRegistrationStore(pool),
                representations,
                clock,
                IdGenerator.create(clock),
                published::addAll);

        UsagerId resident = UsagerId.of(UUID.randomUUID());
        ZonedDateTime day = T0.atZone(ReservationContract.PARIS).plusDays(5);
        Reservation r = reservations.request(
                Principal.usager(TENANT, resident),
                new ReservationRequest(
                        TENANT,
                        GYM,
                        resident,
                        UsagerCategory.RESIDENT,
                        day.withHour(10).toInstant(),
                        day.withHour(18).toInstant(),
                        Map.of()));
        reservations.approve(AGENT, r.id());
        reservations.confirmPayment(TENANT, r.id(), "op-1");
        reservations.cancel(Principal.usager(TENANT, resident), r.id(), null);

        SessionId week = SessionId.of("atelier-1");
        registrations.declare(new EventSession(
                TENANT,
                week,
                "atelier",
                "Atelier",
                T0.plus(Duration.ofDays(20)),
                1,
                1,
                T0.plus(Duration.ofDays(10)),
                5_000,
                Duration.ofDays(1),
                Set.of(ASSOCIATIONS)));
        UsagerId first = UsagerId.of(UUID.randomUUID());
        UsagerId second = UsagerId.of(UUID.randomUUID());
        Registration holder = registrations.register(Principal.usager(TENANT, first), week, first);
        Registration waiting = registrations.register(Principal.usager(TENANT, second), week, second);
        registrations.cancel(Principal.usager(TENANT, first), holder.id()); // the place is offered to the second

        List<OutboxRecord> received = new CopyOnWriteArrayList<>();
        OutboxRelay relay = recordingRelay(clock, received);
        relay.drain();

        assertThat(of(received, r.id().toString()))
                .extracting(x -> x.message().eventType())
                .containsExactly(
                        "scheduling.reservation.requested",
                        "scheduling.reservation.approved",
                        "scheduling.reservation.paid",
                        "scheduling.reservation.cancelled");
        assertThat(of(received, r.id().toString()))
                .extracting(OutboxRecord::streamSequence)
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(of(received, r.id().toString()).get(2).message().payload())
                .contains("\"deposit\":\"HELD\"")
                .doesNotContain(resident.toString());
        assertThat(of(received, holder.id().toString()))
                .extracting(x -> x.message().eventType())
                .containsExactly("scheduling.registration.registered", "scheduling.registration.cancelled");
        assertThat(of(received, waiting.id().toString()))
                .extracting(x -> x.message().eventType())
                .containsExactly("scheduling.registration.waitlisted", "scheduling.registration.offered");
        assertThat(of(received, waiting.id().toString()).get(1).message().payload())
                .contains("holdExpiresAt")
                .doesNotContain(second.toString());

        assertThat(received)
                .extracting(x -> x.message().eventId())
                .containsExactlyInAnyOrderElementsOf(
                        published.stream().map(DomainEvent::eventId).toList());
        assertThat(relay.drain()).isZero();
    }

    /**
     * A new registration and a promotion are one statement each, whose session (its hold) PostgreSQL reads:
     * the events PostgreSQL completes (a hold's time) or builds (a promotion's id and JSON, V13) are those
     * Java publishes in process, field for field, {@link java.time.Instant#toString()} digit for digit
     * whatever the fraction of the change's time.
     */
    @Test
    void theHoldOfANewRegistrationIsTheSameInTheWebhookAsInProcess() {
        MutableClock clock = new MutableClock(T0);
        List<DomainEvent> published = new CopyOnWriteArrayList<>();
        RegistrationService registrations = new RegistrationService(
                new PostgresRegistrationStore(pool),
                new Representations(UsagerStore.inMemory(), MandateStore.inMemory()),
                clock,
                IdGenerator.create(clock),
                published::addAll);
        SessionId session = SessionId.of("atelier-hold");
        registrations.declare(new EventSession(
                TENANT,
                session,
                "atelier-hold",
                "Atelier",
                T0.plus(Duration.ofDays(20)),
                2,
                10,
                T0.plus(Duration.ofDays(10)),
                5_000,
                Duration.ofMinutes(1_439),
                Set.of(ASSOCIATIONS)));
        List<Registration> made = new java.util.ArrayList<>();
        for (long nanos : new long[] {0, 500_000_000, 123_456_000, 999_999_000, 7_000}) {
            clock.set(T0.plusSeconds(made.size() + 1).plusNanos(nanos));
            UsagerId who = UsagerId.of(UUID.randomUUID());
            made.add(registrations.register(Principal.usager(TENANT, who), session, who));
        }
        // Two places: the three waiting are promoted by cancellations, at times with fractions too.
        for (int i = 0; i < 3; i++) {
            clock.set(T0.plusSeconds(60 + i).plusNanos(i * 250_000_000L + 1_000));
            Registration holder = made.get(i);
            registrations.cancel(Principal.usager(TENANT, holder.participant()), holder.id());
        }
        List<OutboxRecord> received = new CopyOnWriteArrayList<>();
        OutboxRelay relay = recordingRelay(clock, received);
        relay.drain();
        List<RegistrationEvent> inProcess = published.stream()
                .filter(RegistrationEvent.class::isInstance)
                .map(RegistrationEvent.class::cast)
                .filter(e -> made.stream().anyMatch(r -> r.id().equals(e.registration())))
                .toList();
        assertThat(inProcess)
                .extracting(RegistrationEvent::kind)
                .containsOnly(
                        RegistrationEvent.Kind.REGISTERED,
                        RegistrationEvent.Kind.WAITLISTED,
                        RegistrationEvent.Kind.CANCELLED,
                        RegistrationEvent.Kind.OFFERED)
                .contains(RegistrationEvent.Kind.OFFERED);
        for (RegistrationEvent e : inProcess) {
            List<OutboxRecord> delivered = received.stream()
                    .filter(x -> x.message().eventId().equals(e.eventId()))
                    .toList();
            assertThat(delivered).as("%s", e).hasSize(1);
            assertThat(delivered.get(0).message().payload())
                    .as("%s", e)
                    .contains("\"eventId\":\"" + e.eventId() + "\"")
                    .contains("\"occurredAt\":\"" + e.occurredAt() + "\"")
                    .contains("\"kind\":\"" + e.kind() + "\"")
                    .contains("\"registration\":\"" + e.registration() + "\"")
                    .contains("\"session\":\"" + e.session().value() + "\"")
                    .contains("\"eventCode\":\"" + e.event() + "\"")
                    .contains("\"status\":\"" + e.status() + "\"")
                    .contains(
                            e.holdExpiresAt() == null
                                    ? "\"holdExpiresAt\":null"
                                    : "\"holdExpiresAt\":\"" + e.holdExpiresAt() + "\"")
                    .contains("\"version\":" + e.version() + "}");
        }
        assertThat(received.stream()
                        .filter(x -> made.stream()
                                .anyMatch(r ->
                                        r.id().toString().equals(x.message().aggregateId()))))
                .hasSameSizeAs(inProcess);
    }

    /** A relay reading the item log (no copies in the outbox) for a subscriber that records what it gets. */
    private static OutboxRelay recordingRelay(MutableClock clock, List<OutboxRecord> received) {
        PostgresPersistence core = PostgresPersistence.builder(pool, clock)
                .outboxSubscribers(Set.of(SUBSCRIBER))
                .eventLog(SchedulingSchema.reservationEventLog()) // the relay reads the item log
                .eventLog(SchedulingSchema.registrationEventLog())
                .build();
        return OutboxRelay.builder(core.outbox(), clock)
                .subscriber(new OutboxSubscriber() {
                    @Override
                    public String name() {
                        return SUBSCRIBER;
                    }

                    @Override
                    public OutboxSubscriber.DeliveryResult deliver(OutboxRecord record) {
                        received.add(record);
                        return OutboxSubscriber.DeliveryResult.ok("recorded");
                    }
                })
                .build();
    }

    private static List<OutboxRecord> of(List<OutboxRecord> received, String aggregateId) {
        return received.stream()
                .filter(x -> x.message().aggregateId().equals(aggregateId))
                .toList();
    }
}
