package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.test.scheduling.SchedulingFixture.ANTS;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_1;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_2;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_3;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.PASSPORT;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.principal.Principal;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.AuditCheck;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingAction;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRejectedException;
import org.opengru.scheduling.booking.BookingRejectedException.Reason;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.Change;
import org.opengru.scheduling.booking.InsertOutcome;
import org.opengru.scheduling.booking.LotteryRelease;
import org.opengru.scheduling.booking.NewBooking;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.ReminderDue;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.test.MutableClock;

/**
 * The behaviour every {@link BookingStore} must show, run through the booking service. Subclass it once
 * per store with {@link #newStore()} returning an empty store (a vendor can run it against their own).
 */
public abstract class BookingStoreContract {

    protected static final ActorRef AGENT = new ActorRef(ActorKind.AGENT, "mdupont");

    protected MutableClock clock;
    protected BookingStore store;
    protected BookingService service;

    /** An empty store; called before each test. */
    protected abstract BookingStore newStore();

    @BeforeEach
    void setUpContract() {
        clock = new MutableClock(MONDAY_9AM);
        store = newStore();
        service = SchedulingFixture.service(store, clock, BookingPolicy.defaults(), RateLimiter.unlimited());
    }

    protected static UsagerId newUsager() {
        return UsagerId.of(UUID.randomUUID());
    }

    protected static BookingRequest passport(Instant start, UsagerId usager) {
        return BookingRequest.online(TENANT, SITE, PASSPORT, start, usager).withAntsNumber(ANTS);
    }

    protected static Booking booked(BookingResult result) {
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).booking();
    }

    /** docs/scheduling.md, "Booking, fairness and lifecycle", as written there; the slot is free. */
    @Test
    void theDocumentedBookingRuns() {
        Instant start = at(1, 10, 0);
        UsagerId usager = newUsager();
        // tag::book[]
        BookingResult result = service.book(
                BookingRequest.online(TENANT, SITE, PASSPORT, start, usager).withAntsNumber("AB12CD34EF"));
        if (result instanceof BookingResult.Booked booked) {
            // booked.cancelToken(): the secret of the no-login cancellation link, given once
        } else if (result instanceof BookingResult.SlotUnavailable gone) {
            // gone.alternatives(): the nearest free slots
        }
        // end::book[]
        assertThat(result)
                .isInstanceOfSatisfying(
                        BookingResult.Booked.class,
                        b -> assertThat(b.cancelToken()).isNotBlank());
    }

    @Test
    void booksAFreeSlotWithOneAuditEntryAndOneOutboxEvent() {
        UsagerId usager = newUsager();
        BookingResult result = service.book(passport(at(1, 10, 0), usager));
        Booking b = booked(result);
        assertThat(b.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(b.end()).isEqualTo(at(1, 10, 20));
        assertThat(b.busyEnd()).isEqualTo(at(1, 10, 25));
        assertThat(b.resource()).isEqualTo(DESK_1);
        assertThat(b.antsNumber().value()).isEqualTo(ANTS);
        assertThat(((BookingResult.Booked) result).cancelToken()).isNotBlank();
        assertThat(store.find(TENANT, b.id())).contains(b);
        List<AuditEntry> audit = store.audit(TENANT, b.id());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actor().kind()).isEqualTo(ActorKind.USAGER);
        List<BookingEvent> outbox = store.outbox(TENANT, b.id());
        assertThat(outbox).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(BookingEvent.Kind.BOOKED);
            assertThat(e.start()).isEqualTo(b.start());
        });
    }

    @Test
    void publishedEventsAreTheOutboxEventsAfterTheChange() {
        org.opengru.core.event.DomainEvents events = new org.opengru.core.event.DomainEvents();
        List<BookingEvent> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        events.subscribe(BookingEvent.class, published::add);
        service = new BookingService(
                store,
                SiteDirectory.of(List.of(SchedulingFixture.setup())),
                BookingPolicy.defaults(),
                clock,
                org.opengru.core.id.IdGenerator.create(clock),
                RateLimiter.unlimited(),
                events);
        BookingResult.Booked result = (BookingResult.Booked) service.book(passport(at(1, 10, 0), newUsager()));
        service.cancelByUsager(TENANT, result.booking().id(), result.cancelToken());
        assertThat(published).isEqualTo(store.outbox(TENANT, result.booking().id()));
        assertThatThrownBy(() -> service.book(passport(at(1, 12, 0), newUsager())))
                .isInstanceOf(BookingRejectedException.class);
        assertThat(published).hasSize(2); // a refused request publishes nothing
    }

    @Test
    void aRelayReadsTheOutboxUntilEventsAreMarkedPublished() {
        Booking a = booked(service.book(passport(at(1, 10, 0), newUsager())));
        Booking b = booked(service.book(passport(at(1, 11, 0), newUsager())));
        List<BookingEvent> batch = store.unpublished(10);
        assertThat(batch).extracting(BookingEvent::booking).containsExactly(a.id(), b.id());
        assertThat(store.unpublished(1)).hasSize(1);
        store.markPublished(List.of(batch.get(0).eventId()), clock.instant());
        assertThat(store.unpublished(10)).extracting(BookingEvent::booking).containsExactly(b.id());
        store.markPublished(batch.stream().map(BookingEvent::eventId).toList(), clock.instant());
        assertThat(store.unpublished(10)).isEmpty();
    }

    @Test
    void fillsEveryDeskThenSaysTheSlotIsGoneWithTheNearestAlternatives() {
        Instant start = at(1, 10, 0);
        Booking first = booked(service.book(passport(start, newUsager())));
        Booking second = booked(service.book(passport(start, newUsager())));
        assertThat(Set.of(first.resource(), second.resource())).containsExactlyInAnyOrder(DESK_1, DESK_2);
        BookingResult third = service.book(passport(start, newUsager()));
        assertThat(third).isInstanceOf(BookingResult.SlotUnavailable.class);
        List<Slot> alternatives = ((BookingResult.SlotUnavailable) third).alternatives();
        assertThat(alternatives).hasSize(5);
        // 10:10 and 09:50 overlap the two bookings (20 min + 5 min after); 10:30 is the next free start.
        assertThat(alternatives.get(0).start()).isIn(at(1, 9, 30), at(1, 10, 30));
        for (Slot s : alternatives) {
            assertThat(Duration.between(start, s.start()).abs()).isLessThanOrEqualTo(Duration.ofMinutes(60));
        }
        assertThat(store.ofUsager(TENANT, newUsager())).isEmpty();
    }

    @Test
    void availabilityCountsFreeDesksAndHonoursBuffers() {
        booked(service.book(passport(at(1, 10, 0), newUsager())));
        List<Slot> slots =
                service.availability(TENANT, SITE, PASSPORT, LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 9), 1);
        Slot ten = slots.stream()
                .filter(s -> s.start().equals(at(1, 10, 0)))
                .findFirst()
                .orElseThrow();
        assertThat(ten.capacity()).isEqualTo(1);
        assertThat(ten.freeResources()).containsExactly(DESK_2);
        // Desk 1 is busy 10:00-10:25: the 10:20 slot lost it, 10:30 has both desks again.
        assertThat(slots.stream()
                        .filter(s -> s.start().equals(at(1, 10, 20)))
                        .findFirst()
                        .orElseThrow()
                        .capacity())
                .isEqualTo(1);
        assertThat(slots.stream()
                        .filter(s -> s.start().equals(at(1, 10, 30)))
                        .findFirst()
                        .orElseThrow()
                        .capacity())
                .isEqualTo(2);
        assertThat(slots.get(0).start()).isEqualTo(at(1, 8, 30));
        assertThat(slots.get(slots.size() - 1).start()).isEqualTo(at(1, 16, 40));
    }

    @Test
    void aFamilyTakesConsecutiveSlotsOnOneDesk() {
        Booking family = booked(service.book(passport(at(1, 9, 0), newUsager()).withPeople(3)));
        assertThat(family.end()).isEqualTo(at(1, 10, 0));
        assertThat(family.people()).isEqualTo(3);
        List<Slot> slots =
                service.availability(TENANT, SITE, PASSPORT, LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 9), 1);
        for (Slot s : slots) {
            if (s.start().isBefore(at(1, 10, 5)) && s.end().isAfter(at(1, 9, 0))) {
                assertThat(s.freeResources()).doesNotContain(family.resource());
            }
        }
        assertThat(service.availability(TENANT, SITE, PASSPORT, LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 9), 4))
                .allSatisfy(s -> assertThat(s.end()).isEqualTo(s.start().plus(Duration.ofMinutes(80))));
    }

    @Test
    void rejectsBadRequestsWithTheirReasonAndWritesNothing() {
        UsagerId u = newUsager();
        expectRejected(passport(MONDAY_9AM.minus(Duration.ofHours(1)), u), Reason.IN_THE_PAST);
        expectRejected(passport(at(0, 9, 30), u), Reason.TOO_SHORT_NOTICE);
        expectRejected(passport(at(61, 10, 0), u), Reason.BEYOND_HORIZON);
        expectRejected(passport(at(1, 12, 0), u), Reason.OUTSIDE_OPENING_HOURS);
        expectRejected(passport(at(6, 10, 0), u), Reason.OUTSIDE_OPENING_HOURS); // Sunday
        expectRejected(passport(at(36, 10, 0), u), Reason.PUBLIC_HOLIDAY); // 14 July
        expectRejected(passport(at(1, 10, 5), u), Reason.NOT_ON_SLOT_GRID);
        expectRejected(passport(at(1, 10, 0), u).withAntsNumber("AB-12"), Reason.ANTS_NUMBER_MALFORMED);
        expectRejected(passport(at(1, 10, 0), u).withAntsNumber(null), Reason.ANTS_NUMBER_MISSING);
        expectRejected(passport(at(1, 10, 0), u).withPeople(5), Reason.TOO_MANY_PEOPLE);
        expectRejected(
                BookingRequest.online(TENANT, SITE, SchedulingFixture.AGENTS, at(1, 10, 0), u), Reason.AGENTS_ONLY);
        expectRejected(
                BookingRequest.online(
                        TENANT, SITE, org.opengru.scheduling.model.ServiceId.of("mariage"), at(1, 10, 0), u),
                Reason.SERVICE_NOT_OFFERED);
        expectRejected(
                BookingRequest.online(
                        TENANT, org.opengru.scheduling.model.SiteId.of("annexe"), PASSPORT, at(1, 10, 0), u),
                Reason.UNKNOWN_SITE);
        assertThat(store.ofUsager(TENANT, u)).isEmpty();
        // An agent may book the agents-only service for the usager.
        Booking byAgent =
                booked(service.book(BookingRequest.online(TENANT, SITE, SchedulingFixture.AGENTS, at(1, 10, 0), u)
                        .withActor(SchedulingFixture.DESK_AGENT)));
        assertThat(byAgent.resource()).isEqualTo(DESK_3);
    }

    @Test
    void oneActiveAppointmentPerPersonAndService() {
        UsagerId u = newUsager();
        Booking first = booked(service.book(passport(at(1, 10, 0), u)));
        assertThatThrownBy(() -> service.book(passport(at(2, 10, 0), u)))
                .isInstanceOfSatisfying(BookingRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ACTIVE_BOOKING_EXISTS);
                    assertThat(e.getMessage()).contains(first.id().toString());
                });
        // Another service is fine, and so is the same one once the first is cancelled.
        booked(service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(2, 10, 0), u)));
        service.cancelByAgent(SchedulingFixture.DESK_AGENT, first.id(), "Fermeture exceptionnelle");
        booked(service.book(passport(at(2, 10, 0), u)));
        assertThat(store.ofUsager(TENANT, u)).hasSize(3);
    }

    @Test
    void aHoldKeepsTheSlotUntilItExpiresThenItIsReclaimed() {
        Instant start = at(1, 14, 0);
        UsagerId a = newUsager();
        Booking holdA = booked(service.hold(passport(start, a).withPeople(1)));
        Booking holdB = booked(service.hold(passport(start, newUsager())));
        assertThat(holdA.status()).isEqualTo(BookingStatus.HELD);
        assertThat(holdA.holdExpiresAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(10)));
        assertThat(service.book(passport(start, newUsager()))).isInstanceOf(BookingResult.SlotUnavailable.class);
        Booking confirmed = service.confirmHold(Principal.usager(TENANT, a), holdA.id());
        assertThat(confirmed.status()).isEqualTo(BookingStatus.BOOKED);
        clock.advance(Duration.ofMinutes(11));
        // B's hold ran out: the slot goes to whoever books now, and B cannot confirm any more.
        UsagerId c = newUsager();
        Booking taken = booked(service.book(passport(start, c)));
        assertThat(taken.resource()).isEqualTo(holdB.resource());
        assertThat(store.find(TENANT, holdB.id()).orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
        assertThatThrownBy(() -> service.confirmHold(Principal.usager(TENANT, holdB.usager()), holdB.id()))
                .isInstanceOfSatisfying(
                        BookingRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HOLD_EXPIRED));
        assertThat(store.outbox(TENANT, holdB.id()))
                .extracting(BookingEvent::kind)
                .containsExactly(BookingEvent.Kind.HELD, BookingEvent.Kind.HOLD_EXPIRED);
    }

    @Test
    void everyChangeKeepsTheAuditTrailAsLongAsTheBookingAccountsFor() {
        UsagerId u = newUsager();
        Booking b = booked(service.book(passport(at(1, 10, 0), u)));
        assertThat(store.verifyAudit(TENANT, b.id()).valid()).isTrue();
        booked(service.reschedule(SchedulingFixture.DESK_AGENT, b.id(), at(2, 11, 0)));
        Booking hold = booked(service.hold(passport(at(1, 14, 0), newUsager())));
        clock.advance(Duration.ofMinutes(10));
        service.expireHolds(TENANT);
        clock.set(at(2, 12, 0)); // presence is marked once the appointment has started
        service.markAttended(SchedulingFixture.DESK_AGENT, b.id());
        service.eraseUsager(TENANT, u);

        AuditCheck check = store.verifyAudit(TENANT, b.id());
        assertThat(check.valid()).as(String.valueOf(check.problem())).isTrue();
        assertThat(check.entries()).isEqualTo(3);
        assertThat(store.verifyAudit(TENANT, hold.id()).valid()).isTrue();
    }

    @Test
    void theHoldReaperExpiresHolds() {
        Booking hold = booked(service.hold(passport(at(1, 14, 0), newUsager())));
        assertThat(service.expireHolds(TENANT)).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(service.expireHolds(TENANT)).extracting(Booking::id).containsExactly(hold.id());
        assertThat(service.expireHolds(TENANT)).isEmpty();
        assertThat(store.audit(TENANT, hold.id()))
                .extracting(AuditEntry::to)
                .containsExactly(BookingStatus.HELD, BookingStatus.EXPIRED);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstBooking() {
        UsagerId u = newUsager();
        IdempotencyKey key = IdempotencyKey.of("rdv-" + UUID.randomUUID());
        BookingResult first = service.book(passport(at(1, 10, 0), u).withIdempotencyKey(key));
        BookingResult again = service.book(passport(at(1, 10, 0), u).withIdempotencyKey(key));
        assertThat(((BookingResult.Booked) again).replayed()).isTrue();
        assertThat(booked(again).id()).isEqualTo(booked(first).id());
        assertThat(store.audit(TENANT, booked(first).id())).hasSize(1);
        assertThatThrownBy(() -> service.book(passport(at(1, 11, 0), u).withIdempotencyKey(key)))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessage("the idempotency key was already used for another call");
    }

    @Test
    void anotherResidentsSameKeyNeitherReplaysNorBlocks() {
        UsagerId u = newUsager();
        UsagerId other = newUsager();
        IdempotencyKey key = IdempotencyKey.of("rdv-" + UUID.randomUUID());
        // The other resident uses the key first, for another slot: her booking is neither blocked nor replayed.
        Booking his = booked(service.book(passport(at(1, 11, 0), other).withIdempotencyKey(key)));
        BookingResult hers = service.book(passport(at(1, 10, 0), u).withIdempotencyKey(key));
        assertThat(((BookingResult.Booked) hers).replayed()).isFalse();
        assertThat(booked(hers).usager()).isEqualTo(u);
        assertThat(booked(hers).id()).isNotEqualTo(his.id());
        // Nor does his retry return her booking.
        assertThat(booked(service.book(passport(at(1, 11, 0), other).withIdempotencyKey(key)))
                        .id())
                .isEqualTo(his.id());
    }

    @Test
    void theResidentCancelsWithTheSecretTokenOnly() {
        UsagerId u = newUsager();
        BookingResult.Booked result = (BookingResult.Booked) service.book(passport(at(1, 10, 0), u));
        Booking b = result.booking();
        assertThatThrownBy(() -> service.cancelByUsager(TENANT, b.id(), "not-the-token"))
                .isInstanceOfSatisfying(
                        BookingRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CANCEL_TOKEN));
        assertThat(b.cancelTokenHash()).isNotEqualTo(result.cancelToken());
        Booking cancelled = service.cancelByUsager(TENANT, b.id(), result.cancelToken());
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED_BY_USAGER);
        assertThat(cancelled.sequence()).isEqualTo(b.sequence() + 1);
        assertThatThrownBy(() -> service.cancelByUsager(TENANT, b.id(), result.cancelToken()))
                .isInstanceOf(IllegalTransitionException.class);
        // The slot is free again.
        assertThat(booked(service.book(passport(at(1, 10, 0), newUsager()))).resource())
                .isEqualTo(DESK_1);
    }

    @Test
    void theSignedInResidentCancelsTheirOwnAppointmentOnly() {
        UsagerId owner = newUsager();
        Booking b = booked(service.book(passport(at(1, 10, 0), owner)));
        assertThatThrownBy(() -> service.cancelByOwner(Principal.usager(TENANT, newUsager()), b.id()))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        assertThat(service.find(TENANT, b.id())).isEqualTo(b);
        Booking cancelled = service.cancelByOwner(Principal.usager(TENANT, owner), b.id());
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED_BY_USAGER);
        assertThat(store.audit(TENANT, b.id()))
                .last()
                .satisfies(a -> assertThat(a.actor().id()).isEqualTo(owner.toString()));
    }

    @Test
    void anAgentCancelsWithAReason() {
        Booking b = booked(service.book(passport(at(1, 10, 0), newUsager())));
        assertThatThrownBy(() -> service.cancelByAgent(SchedulingFixture.DESK_AGENT, b.id(), " "))
                .isInstanceOf(ValidationException.class);
        Booking cancelled = service.cancelByAgent(SchedulingFixture.DESK_AGENT, b.id(), "Absence de l'agent");
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED_BY_AGENT);
        assertThat(cancelled.cancelReason()).isEqualTo("Absence de l'agent");
        assertThat(store.audit(TENANT, b.id())).last().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(AGENT);
            assertThat(a.detail()).isEqualTo("Absence de l'agent");
        });
    }

    @Test
    void rescheduleTakesTheNewSlotOrChangesNothing() {
        UsagerId u = newUsager();
        Booking b = booked(service.book(passport(at(1, 10, 0), u)));
        Booking other1 = booked(service.book(passport(at(2, 10, 0), newUsager())));
        Booking other2 = booked(service.book(passport(at(2, 10, 0), newUsager())));
        BookingResult refused = service.reschedule(Principal.usager(TENANT, u), b.id(), at(2, 10, 0));
        assertThat(refused).isInstanceOf(BookingResult.SlotUnavailable.class);
        assertThat(store.find(TENANT, b.id()).orElseThrow()).isEqualTo(b);
        Booking moved = booked(service.reschedule(SchedulingFixture.DESK_AGENT, b.id(), at(2, 11, 0)));
        assertThat(moved.id()).isEqualTo(b.id());
        assertThat(moved.start()).isEqualTo(at(2, 11, 0));
        assertThat(moved.sequence()).isEqualTo(b.sequence() + 1);
        // The old slot is free again for both desks.
        List<Slot> day1 =
                service.availability(TENANT, SITE, PASSPORT, LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 9), 1);
        assertThat(day1.stream()
                        .filter(s -> s.start().equals(at(1, 10, 0)))
                        .findFirst()
                        .orElseThrow()
                        .capacity())
                .isEqualTo(2);
        assertThat(store.outbox(TENANT, b.id()))
                .extracting(BookingEvent::kind)
                .containsExactly(BookingEvent.Kind.BOOKED, BookingEvent.Kind.RESCHEDULED);
        assertThat(other1.resource()).isNotEqualTo(other2.resource());
    }

    @Test
    void attendanceAndNoShowsAreCountedAndCanLimitBookings() {
        service = SchedulingFixture.service(
                store, clock, BookingPolicy.defaults().withMaxNoShows(2), RateLimiter.unlimited());
        UsagerId u = newUsager();
        Booking b1 = booked(service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), u)));
        clock.set(at(1, 10, 30));
        service.markNoShow(SchedulingFixture.DESK_AGENT, b1.id());
        Booking b2 = booked(service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(2, 10, 0), u)));
        clock.set(at(2, 10, 30));
        service.markNoShow(SchedulingFixture.DESK_AGENT, b2.id());
        assertThat(service.noShowCount(TENANT, u)).isEqualTo(2);
        assertThatThrownBy(() -> service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(3, 10, 0), u)))
                .isInstanceOfSatisfying(
                        BookingRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SHOW_LIMIT));
        // An agent at the counter may still book for them.
        Booking b3 = booked(service.book(
                BookingRequest.online(TENANT, SITE, CIVIL, at(3, 10, 0), u).withActor(SchedulingFixture.DESK_AGENT)));
        // Not before the appointment has started.
        assertThatThrownBy(() -> service.markAttended(SchedulingFixture.DESK_AGENT, b3.id()))
                .isInstanceOf(IllegalTransitionException.class);
        // tag::attended[]
        clock.set(at(3, 10, 5));
        assertThat(service.markAttended(SchedulingFixture.DESK_AGENT, b3.id()).status())
                .isEqualTo(BookingStatus.ATTENDED);
        // end::attended[]
        assertThatThrownBy(() -> service.markNoShow(SchedulingFixture.DESK_AGENT, b3.id()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    // ---------------------------------------------------------------- refused moves (docs/scheduling.md, lifecycle)

    /** A move the lifecycle table has no row for, from where the booking stands, naming it and its state. */
    private static void assertIllegal(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable move,
            Booking b,
            BookingStatus state,
            BookingAction action) {
        assertThatThrownBy(move).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.objectKind()).isEqualTo("booking");
            assertThat(e.objectId()).isEqualTo(b.id().toString());
            assertThat(e.state()).isEqualTo(state.name());
            assertThat(e.action()).isEqualTo(action.name());
            assertThat(e.getMessage()).contains(b.id().toString(), state.name(), action.name());
        });
    }

    @Test
    void aMoveFromAFinalStateIsAnIllegalTransitionThatNothingRetriesIntoSuccess() {
        // Only HELD and BOOKED have moves out (the table in docs/scheduling.md): from anywhere else, and for
        // an action that does not start where the booking stands, the move is refused, not "changed meanwhile".
        UsagerId u = newUsager();
        BookingResult.Booked result = (BookingResult.Booked) service.book(passport(at(1, 10, 0), u));
        Booking b = result.booking();
        service.cancelByUsager(TENANT, b.id(), result.cancelToken());
        assertIllegal(
                () -> service.cancelByUsager(TENANT, b.id(), result.cancelToken()),
                b,
                BookingStatus.CANCELLED_BY_USAGER,
                BookingAction.CANCEL_BY_USAGER);
        assertIllegal(
                () -> service.cancelByAgent(SchedulingFixture.DESK_AGENT, b.id(), "Fermeture"),
                b,
                BookingStatus.CANCELLED_BY_USAGER,
                BookingAction.CANCEL_BY_AGENT);
        clock.set(at(1, 10, 5));
        assertIllegal(
                () -> service.markAttended(SchedulingFixture.DESK_AGENT, b.id()),
                b,
                BookingStatus.CANCELLED_BY_USAGER,
                BookingAction.MARK_ATTENDED);
        UsagerId v = newUsager();
        Booking hold = booked(service.hold(passport(at(2, 10, 0), v)));
        service.confirmHold(Principal.usager(TENANT, v), hold.id());
        assertIllegal(
                () -> service.releaseHold(Principal.usager(TENANT, v), hold.id()),
                hold,
                BookingStatus.BOOKED,
                BookingAction.RELEASE_HOLD);
        // The store itself says so too, to any caller.
        assertIllegal(
                () -> store.apply(TENANT, b.id(), BookingStatus.BOOKED, BookingAction.CANCEL_BY_AGENT, change()),
                b,
                BookingStatus.CANCELLED_BY_USAGER,
                BookingAction.CANCEL_BY_AGENT);
        assertIllegal(
                () -> store.move(
                        TENANT,
                        b.id(),
                        store.find(TENANT, b.id()).orElseThrow().sequence(),
                        List.of(DESK_1),
                        new Interval(at(3, 10, 0), at(3, 10, 20)),
                        new Interval(at(3, 10, 0), at(3, 10, 25)),
                        change()),
                b,
                BookingStatus.CANCELLED_BY_USAGER,
                BookingAction.RESCHEDULE);
        // Nothing was written by the refused moves.
        assertThat(store.audit(TENANT, b.id())).hasSize(2);
        assertThat(store.audit(TENANT, hold.id())).hasSize(2);
        assertThat(store.find(TENANT, hold.id()).orElseThrow().status()).isEqualTo(BookingStatus.BOOKED);
    }

    @Test
    void aBookingChangedMeanwhileIsStillAConcurrentUpdate() {
        Booking b = booked(service.book(passport(at(1, 10, 0), newUsager())));
        booked(service.reschedule(SchedulingFixture.DESK_AGENT, b.id(), at(2, 11, 0)));
        // A move computed from the booking as first read: it is still BOOKED, so re-reading and retrying can work.
        assertThatThrownBy(() -> store.move(
                        TENANT,
                        b.id(),
                        b.sequence(),
                        List.of(DESK_1, DESK_2),
                        new Interval(at(3, 10, 0), at(3, 10, 20)),
                        new Interval(at(3, 10, 0), at(3, 10, 25)),
                        change()))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.find(TENANT, b.id()).orElseThrow().start()).isEqualTo(at(2, 11, 0));
    }

    @Test
    void concurrentCancellationsOfOneBookingLeaveOneWinnerAndIllegalTransitions() throws Exception {
        int threads = 6;
        for (int round = 0; round < 5; round++) {
            Booking b = booked(service.book(passport(at(1, 9, 0).plusSeconds(1800L * round), newUsager())));
            List<Object> outcomes =
                    race(threads, t -> () -> service.cancelByAgent(SchedulingFixture.DESK_AGENT, b.id(), "Fermeture"));
            assertThat(outcomes).filteredOn(o -> o instanceof Booking).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> !(o instanceof Booking))
                    .hasSize(threads - 1)
                    .allSatisfy(o -> assertThat(o).isInstanceOf(IllegalTransitionException.class));
            assertThat(store.audit(TENANT, b.id())).hasSize(2);
        }
    }

    /**
     * Runs {@code threads} tasks released at once by a barrier; each one's result, or the exception it threw.
     */
    protected static List<Object> race(int threads, IntFunction<Callable<?>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier go = new CyclicBarrier(threads);
            List<Future<Object>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<?> one = task.apply(t);
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return one.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Change change() {
        return new Change(AGENT, clock.instant(), EventId.of(UUID.randomUUID()), null);
    }

    @Test
    void attemptsAreRateLimitedPerIdentity() {
        service = SchedulingFixture.service(
                store, clock, BookingPolicy.defaults(), RateLimiter.fixedWindow(3, Duration.ofMinutes(1)));
        UsagerId bot = newUsager();
        booked(service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), bot)));
        for (int i = 1; i < 3; i++) {
            expectRejected(
                    BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0).plusSeconds(900L * i), bot),
                    Reason.ACTIVE_BOOKING_EXISTS);
        }
        expectRejected(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 11, 0), bot), Reason.RATE_LIMITED);
        booked(service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 11, 0), newUsager())));
        clock.advance(Duration.ofMinutes(1));
        expectRejected(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 11, 15), bot), Reason.ACTIVE_BOOKING_EXISTS);
    }

    @Test
    void aFreedSlotGoesToTheWaitingListInTurn() {
        BookingResult.Booked taken = (BookingResult.Booked)
                service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), newUsager()));
        UsagerId first = newUsager();
        UsagerId second = newUsager();
        service.joinWaitingList(
                Principal.usager(TENANT, first),
                SITE,
                CIVIL,
                first,
                LocalDate.of(2026, 6, 9),
                LocalDate.of(2026, 6, 9));
        service.joinWaitingList(
                Principal.usager(TENANT, second),
                SITE,
                CIVIL,
                second,
                LocalDate.of(2026, 6, 9),
                LocalDate.of(2026, 6, 10));
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        Booking offer = store.ofUsager(TENANT, first).get(0);
        assertThat(offer.status()).isEqualTo(BookingStatus.HELD);
        assertThat(offer.start()).isEqualTo(at(1, 10, 0));
        assertThat(offer.holdExpiresAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(2)));
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(second);
        // The first person lets it expire: the slot moves on to the second.
        clock.advance(Duration.ofHours(2));
        service.expireHolds(TENANT);
        Booking next = store.ofUsager(TENANT, second).get(0);
        assertThat(next.status()).isEqualTo(BookingStatus.HELD);
        assertThat(service.confirmHold(Principal.usager(TENANT, second), next.id())
                        .status())
                .isEqualTo(BookingStatus.BOOKED);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(first); // lost the turn, not the wait
    }

    @Test
    void remindersAreDueBeforeBookedAppointmentsOnly() {
        Booking kept = booked(service.book(passport(at(3, 10, 0), newUsager())));
        BookingResult.Booked cancelled = (BookingResult.Booked) service.book(passport(at(3, 10, 0), newUsager()));
        service.cancelByUsager(TENANT, cancelled.booking().id(), cancelled.cancelToken());
        List<ReminderDue> due = service.remindersDue(TENANT, at(1, 0, 0), at(4, 0, 0));
        assertThat(due).extracting(ReminderDue::booking).containsOnly(kept.id());
        assertThat(due).extracting(ReminderDue::occurredAt).containsExactly(at(1, 10, 0), at(3, 8, 0));
        // Computing twice gives the same event ids, so the channel can de-duplicate.
        assertThat(service.remindersDue(TENANT, at(1, 0, 0), at(4, 0, 0)))
                .extracting(ReminderDue::eventId)
                .isEqualTo(due.stream().map(ReminderDue::eventId).toList());
    }

    @Test
    void aLotteryReleaseDrawsEntriesInRandomOrder() {
        // Civil registry on Saturday 13 June 09:00-12:00: 12 slots on one desk, 20 entries.
        LotteryRelease lottery = new LotteryRelease(
                service,
                TENANT,
                SITE,
                CIVIL,
                LocalDate.of(2026, 6, 13),
                LocalDate.of(2026, 6, 13),
                MONDAY_9AM.plus(Duration.ofHours(1)));
        List<UsagerId> entrants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UsagerId u = newUsager();
            entrants.add(u);
            lottery.enter(new LotteryRelease.Entry(u, Principal.usager(TENANT, u), null, 1));
        }
        assertThatThrownBy(() -> lottery.draw(new java.util.Random(7)))
                .isInstanceOfSatisfying(
                        BookingRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LOTTERY_NOT_CLOSED));
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() ->
                        lottery.enter(new LotteryRelease.Entry(newUsager(), SchedulingFixture.DESK_AGENT, null, 1)))
                .isInstanceOfSatisfying(
                        BookingRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LOTTERY_CLOSED));
        java.util.Map<UsagerId, BookingResult> results = lottery.draw(new java.util.Random(7));
        assertThat(results).hasSize(20);
        assertThat(results.values().stream().filter(r -> r instanceof BookingResult.Booked))
                .hasSize(12);
        assertThat(new ArrayList<>(results.keySet())).isNotEqualTo(entrants); // not first come, first served
    }

    @Test
    void concurrentBookersNeverShareADesk() throws Exception {
        List<Instant> starts = List.of(at(1, 14, 0), at(1, 14, 30), at(1, 15, 0));
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Booking> won = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (Instant s : starts) {
                        BookingResult r = service.book(BookingRequest.online(TENANT, SITE, CIVIL, s, newUsager()));
                        if (r instanceof BookingResult.Booked b) {
                            won.add(b.booking());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(won).hasSize(starts.size()); // civil registry has a single desk
        Set<Instant> distinct = new HashSet<>();
        for (Booking b : won) {
            assertThat(b.resource()).isEqualTo(DESK_3);
            assertThat(distinct.add(b.start())).isTrue();
            assertThat(store.audit(TENANT, b.id())).hasSize(1);
            assertThat(store.outbox(TENANT, b.id())).hasSize(1);
        }
        List<Interval> busy = store.busy(TENANT, List.of(DESK_3), at(1, 0, 0), at(2, 0, 0), clock.instant())
                .get(DESK_3);
        assertThat(busy).hasSize(3);
    }

    // ---------------------------------------------------------------- holds per person (docs/scheduling.md)

    private static void assertHoldLimit(org.assertj.core.api.ThrowableAssert.ThrowingCallable hold, UsagerId u) {
        assertThatThrownBy(hold).isInstanceOfSatisfying(BookingRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.HOLD_LIMIT);
            assertThat(e.field()).isEqualTo("usager");
            assertThat(e.value()).isEqualTo(u.toString());
        });
    }

    private List<Booking> heldBy(UsagerId u) {
        return store.ofUsager(TENANT, u).stream()
                .filter(b -> b.occupiesDeskAt(clock.instant()) && b.status() == BookingStatus.HELD)
                .toList();
    }

    @Test
    void onePersonKeepsAtMostTwoHoldsPerServiceByDefault() {
        UsagerId u = newUsager();
        Booking first = booked(service.hold(passport(at(1, 10, 0), u)));
        booked(service.hold(passport(at(1, 11, 0), u)));
        assertHoldLimit(() -> service.hold(passport(at(1, 14, 0), u)), u);
        assertThat(heldBy(u)).hasSize(2);
        // Another person, or another service, is not counted.
        booked(service.hold(passport(at(1, 14, 0), newUsager())));
        booked(service.hold(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 14, 0), u)));
        // A released hold no longer counts, nor does a confirmed one, nor an expired one.
        service.releaseHold(Principal.usager(TENANT, u), first.id());
        Booking third = booked(service.hold(passport(at(1, 15, 0), u)));
        service.confirmHold(Principal.usager(TENANT, u), third.id());
        booked(service.hold(passport(at(1, 16, 0), u)));
        assertHoldLimit(() -> service.hold(passport(at(2, 9, 0), u)), u);
        clock.advance(Duration.ofMinutes(10));
        booked(service.hold(passport(at(2, 9, 0), u)));
        booked(service.hold(passport(at(2, 10, 0), u)));
        // Booking at once is not a hold: the one-appointment rule applies, not this one.
        assertThat(service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(3, 10, 0), newUsager())))
                .isInstanceOf(BookingResult.Booked.class);
    }

    @Test
    void theCapIsTheServicesAndTheStoreEnforcesItWhoeverCalls() {
        Service oneHold = Service.builder(TENANT, CIVIL, "État civil")
                .duration(Duration.ofMinutes(15))
                .maxHolds(1)
                .build();
        service = serviceWith(oneHold);
        UsagerId u = newUsager();
        Booking held = booked(service.hold(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), u)));
        assertHoldLimit(() -> service.hold(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 11, 0), u)), u);
        // Straight to the store, past the service: still refused, and nothing written.
        assertThat(store.insert(newHold(u, at(1, 11, 0), 1), change()))
                .isEqualTo(new InsertOutcome.HoldLimitReached(1));
        assertThat(store.ofUsager(TENANT, u)).containsExactly(held);
        // Under a cap of 3, the same person may take two more.
        assertThat(store.insert(newHold(u, at(1, 11, 0), 3), change())).isInstanceOf(InsertOutcome.Inserted.class);
        assertThat(store.insert(newHold(u, at(1, 12, 0), 3), change())).isInstanceOf(InsertOutcome.Inserted.class);
        assertThat(store.insert(newHold(u, at(1, 14, 0), 3), change()))
                .isEqualTo(new InsertOutcome.HoldLimitReached(3));
        assertThatThrownBy(() ->
                        Service.builder(TENANT, CIVIL, "État civil").maxHolds(0).build())
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("service.maxHolds"));
    }

    @Test
    void concurrentHoldsOfOnePersonStopAtTheCap() throws Exception {
        // Eight tabs of one person hold eight slots at the same moment, straight at the store so that the
        // writes race: two holds, whatever the race. Each tab asks a desk of its own (the store takes any
        // desk it is given), so that nothing but the cap orders them.
        int threads = 8;
        for (int round = 0; round < 10; round++) {
            UsagerId u = newUsager();
            Instant start = at(1 + round, 10, 0);
            List<Object> outcomes = race(threads, t -> {
                NewBooking hold = newHold(u, start, ResourceId.of("guichet-onglet-" + t), 2);
                return () -> store.insert(hold, change());
            });
            assertThat(outcomes)
                    .as("round %s", round)
                    .filteredOn(o -> o instanceof InsertOutcome.Inserted)
                    .hasSize(2);
            assertThat(outcomes)
                    .filteredOn(o -> !(o instanceof InsertOutcome.Inserted))
                    .containsOnly(new InsertOutcome.HoldLimitReached(2));
            assertThat(heldBy(u)).hasSize(2);
        }
    }

    @Test
    void theWaitingListPassesOverAPersonAtTheCapWhoKeepsTheirPlace() {
        BookingResult.Booked taken = (BookingResult.Booked)
                service.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), newUsager()));
        UsagerId busy = newUsager();
        UsagerId next = newUsager();
        booked(service.hold(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 14, 0), busy)));
        booked(service.hold(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 15, 0), busy)));
        service.joinWaitingList(
                Principal.usager(TENANT, busy), SITE, CIVIL, busy, LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 9));
        service.joinWaitingList(
                Principal.usager(TENANT, next), SITE, CIVIL, next, LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 9));
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        assertThat(heldBy(busy)).hasSize(2);
        assertThat(heldBy(next)).singleElement().extracting(Booking::start).isEqualTo(at(1, 10, 0));
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(busy);
    }

    private BookingService serviceWith(Service civil) {
        return new BookingService(
                store,
                SiteDirectory.of(List.of(new SiteSetup(
                        SchedulingFixture.hours(),
                        SchedulingFixture.desks(),
                        List.of(civil),
                        Set.of(SchedulingFixture.TEAM)))),
                BookingPolicy.defaults(),
                clock,
                org.opengru.core.id.IdGenerator.create(clock),
                RateLimiter.unlimited(),
                org.opengru.core.event.DomainEventPublisher.none());
    }

    private NewBooking newHold(UsagerId u, Instant start, int maxHolds) {
        return newHold(u, start, DESK_3, maxHolds);
    }

    private NewBooking newHold(UsagerId u, Instant start, ResourceId desk, int maxHolds) {
        return new NewBooking(
                BookingId.of(UUID.randomUUID()),
                TENANT,
                SITE,
                CIVIL,
                List.of(desk),
                u,
                1,
                start,
                start.plus(Duration.ofMinutes(15)),
                start,
                start.plus(Duration.ofMinutes(15)),
                BookingStatus.HELD,
                clock.instant().plus(Duration.ofMinutes(10)),
                null,
                null,
                BookingService.hash(UUID.randomUUID().toString()),
                maxHolds);
    }

    private void expectRejected(BookingRequest request, Reason reason) {
        assertThatThrownBy(() -> service.book(request))
                .isInstanceOfSatisfying(
                        BookingRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    // ---------------------------------------------------------------- the usager's data (RGPD, timeline)

    @Test
    void erasureCancelsWhatIsAheadReleasesHoldsAndDetachesEveryBookingFromTheUsager() {
        UsagerId u = newUsager();
        UsagerId other = newUsager();
        Booking past = booked(service.book(passport(at(1, 10, 0), u)));
        Booking others = booked(service.book(passport(at(1, 11, 0), other)));
        clock.set(at(1, 12, 0));
        service.markAttended(SchedulingFixture.DESK_AGENT, past.id());
        IdempotencyKey key = IdempotencyKey.of("rdv-" + UUID.randomUUID());
        Booking ahead = booked(service.book(passport(at(2, 10, 0), u).withIdempotencyKey(key)));
        Booking hold = booked(service.hold(BookingRequest.online(TENANT, SITE, CIVIL, at(2, 14, 0), u)));

        org.opengru.core.rgpd.ErasureOutcome outcome =
                new org.opengru.scheduling.usager.SchedulingSubjectData(service).erase(TENANT, u);

        assertThat(outcome.erased()).isEqualTo(3);
        assertThat(outcome.retained()).isZero();
        assertThat(store.ofUsager(TENANT, u)).isEmpty();
        assertThat(store.findByIdempotencyKey(TENANT, java.util.Objects.requireNonNull(ahead.idempotencyKey())))
                .isEmpty();
        Booking pastAfter = store.find(TENANT, past.id()).orElseThrow();
        assertThat(pastAfter.status()).isEqualTo(BookingStatus.ATTENDED);
        assertThat(pastAfter.start()).isEqualTo(past.start());
        assertThat(pastAfter.resource()).isEqualTo(past.resource());
        assertThat(pastAfter.usager()).isNotEqualTo(u);
        assertThat(pastAfter.antsNumber()).isNull();
        Booking aheadAfter = store.find(TENANT, ahead.id()).orElseThrow();
        assertThat(aheadAfter.status()).isEqualTo(BookingStatus.CANCELLED_BY_USAGER);
        assertThat(aheadAfter.usager()).isNotIn(u, pastAfter.usager());
        assertThat(store.find(TENANT, hold.id()).orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(store.find(TENANT, others.id())).contains(others);
        // The freed slot is free again, and erasing twice changes nothing.
        booked(service.book(passport(at(2, 10, 0), newUsager())));
        assertThat(new org.opengru.scheduling.usager.SchedulingSubjectData(service)
                        .erase(TENANT, u)
                        .erased())
                .isZero();
    }

    @Test
    void theExportHoldsEveryAppointmentWithItsTrailAndTheNoShows() {
        UsagerId u = newUsager();
        Booking missed = booked(service.book(passport(at(1, 10, 0), u)));
        clock.set(at(1, 12, 0));
        service.markNoShow(SchedulingFixture.DESK_AGENT, missed.id());
        booked(service.book(passport(at(2, 10, 0), u)));

        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> export = (java.util.Map<String, Object>)
                new org.opengru.scheduling.usager.SchedulingSubjectData(service).collect(TENANT, u);

        assertThat(export).containsEntry("noShows", 1);
        @SuppressWarnings("unchecked")
        List<org.opengru.scheduling.usager.SchedulingSubjectData.Appointment> appointments =
                (List<org.opengru.scheduling.usager.SchedulingSubjectData.Appointment>) export.get("appointments");
        assertThat(appointments)
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.antsNumber()).isEqualTo(ANTS));
        assertThat(appointments)
                .filteredOn(a -> a.id().equals(missed.id().toString()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(BookingStatus.NO_SHOW);
                    assertThat(a.trail()).hasSize(2);
                });
    }

    @Test
    void theTimelineHasOneEntryPerTrailLineNewestFirstInPlainFrench() {
        UsagerId u = newUsager();
        Booking b = booked(service.book(passport(at(1, 10, 0), u)));
        clock.advance(Duration.ofMinutes(5));
        service.reschedule(Principal.usager(TENANT, u), b.id(), at(1, 11, 0));
        clock.advance(Duration.ofMinutes(5));
        service.cancelByOwner(Principal.usager(TENANT, u), b.id());
        booked(service.book(passport(at(3, 9, 0), newUsager()))); // someone else's: not in u's timeline

        org.opengru.scheduling.usager.AppointmentTimeline timeline =
                new org.opengru.scheduling.usager.AppointmentTimeline(store, service.sites());
        List<org.opengru.core.timeline.TimelineEntry> all = timeline.newest(TENANT, u, null, 10);

        assertThat(all)
                .extracting(org.opengru.core.timeline.TimelineEntry::kind)
                .containsExactly("appointment.cancel_by_usager", "appointment.reschedule", "appointment.insert");
        assertThat(all).allSatisfy(e -> {
            assertThat(e.module()).isEqualTo("scheduling");
            assertThat(e.subjectId()).isEqualTo(b.id().toString());
        });
        assertThat(all.get(0).summary()).startsWith("Rendez-vous ").endsWith(" : annulé par l'usager");
        assertThat(all.get(1).summary()).contains("du 09/06/2026 à 11:00").endsWith(" : déplacé");
        assertThat(all.get(2).summary()).endsWith(" : réservé");
        // Keyset paging: the page after the newest entry starts with the second.
        assertThat(timeline.newest(TENANT, u, all.get(0).cursor(), 1)).containsExactly(all.get(1));
        // Merged with gru-core's own entries by Timeline, as a host registers it.
        org.opengru.core.timeline.TimelineStore core = org.opengru.core.timeline.TimelineStore.inMemory();
        core.append(new org.opengru.core.timeline.TimelineEntry(
                TENANT, u, MONDAY_9AM.minus(Duration.ofDays(1)), "core:x", "core", "request.SUBMIT", "x", "WEB", "x"));
        assertThat(org.opengru.core.timeline.Timeline.of(List.of(core, timeline))
                        .page(TENANT, u, null, 10)
                        .entries())
                .extracting(org.opengru.core.timeline.TimelineEntry::module)
                .containsExactly("scheduling", "scheduling", "scheduling", "core");
    }
}
