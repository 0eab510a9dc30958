package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.test.MutableClock;

/**
 * The behaviour every {@link WaitingListStore} must show, through the booking service and directly.
 * Subclass it once per store with {@link #newStore()} and {@link #newWaitingList()} returning empty stores.
 */
public abstract class WaitingListContract {

    /** Tuesday, the day the fixture's slots at {@code at(1, ...)} fall on. */
    protected static final LocalDate TUESDAY = LocalDate.of(2026, 6, 9);

    protected MutableClock clock;
    protected BookingStore store;
    protected WaitingListStore waitingList;
    protected BookingService service;

    /** An empty booking store; called before each test. */
    protected abstract BookingStore newStore();

    /** An empty waiting list; called before each test, after {@link #newStore()}. */
    protected abstract WaitingListStore newWaitingList();

    @BeforeEach
    void setUpContract() {
        clock = new MutableClock(MONDAY_9AM);
        store = newStore();
        waitingList = newWaitingList();
        service =
                SchedulingFixture.service(store, waitingList, clock, BookingPolicy.defaults(), RateLimiter.unlimited());
    }

    protected static UsagerId newUsager() {
        return UsagerId.of(UUID.randomUUID());
    }

    protected BookingResult.Booked bookCivil(BookingService on, int hour) {
        BookingResult r = on.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, hour, 0), newUsager()));
        assertThat(r).isInstanceOf(BookingResult.Booked.class);
        return (BookingResult.Booked) r;
    }

    protected void join(BookingService on, UsagerId usager, LocalDate from, LocalDate to) {
        on.joinWaitingList(TENANT, SITE, CIVIL, usager, from, to);
    }

    /** The usager's held offers, however many there are. */
    protected List<Booking> holdsOf(UsagerId usager) {
        return store.ofUsager(TENANT, usager).stream()
                .filter(b -> b.status() == BookingStatus.HELD)
                .toList();
    }

    @Test
    void theListIsInTheOrderOfJoining() {
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        UsagerId c = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        join(service, b, TUESDAY, TUESDAY.plusDays(3));
        join(service, c, TUESDAY, TUESDAY);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(a, b, c);
    }

    @Test
    void joiningAgainKeepsThePlaceAndTakesTheNewDates() {
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        join(service, a, TUESDAY.plusDays(1), TUESDAY.plusDays(1));
        join(service, b, TUESDAY, TUESDAY);
        join(service, a, TUESDAY, TUESDAY.plusDays(1));
        join(service, a, TUESDAY, TUESDAY.plusDays(1));
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(a, b);
        // a's new dates include Tuesday, and a is first: a Tuesday slot goes to a.
        BookingResult.Booked taken = bookCivil(service, 10);
        service.cancelByAgent(TENANT, taken.booking().id(), BookingStoreContract.AGENT, "absence");
        assertThat(holdsOf(a)).singleElement().extracting(Booking::start).isEqualTo(at(1, 10, 0));
        assertThat(holdsOf(b)).isEmpty();
    }

    @Test
    void aCancelledSlotIsHeldForTheFirstPersonWhoseDatesFit() {
        BookingResult.Booked taken = bookCivil(service, 10);
        UsagerId wednesdayOnly = newUsager();
        UsagerId tuesday = newUsager();
        join(service, wednesdayOnly, TUESDAY.plusDays(1), TUESDAY.plusDays(1));
        join(service, tuesday, TUESDAY, TUESDAY);
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        assertThat(holdsOf(tuesday)).singleElement().satisfies(offer -> {
            assertThat(offer.start()).isEqualTo(at(1, 10, 0));
            assertThat(offer.holdExpiresAt())
                    .isEqualTo(MONDAY_9AM.plus(BookingPolicy.defaults().waitingListHold()));
        });
        assertThat(holdsOf(wednesdayOnly)).isEmpty();
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(wednesdayOnly);
    }

    @Test
    void anExpiredOfferMovesOnToTheNextPerson() {
        BookingResult.Booked taken = bookCivil(service, 10);
        UsagerId first = newUsager();
        UsagerId second = newUsager();
        join(service, first, TUESDAY, TUESDAY);
        join(service, second, TUESDAY, TUESDAY.plusDays(1));
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        assertThat(holdsOf(first)).hasSize(1);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(second);
        clock.advance(BookingPolicy.defaults().waitingListHold());
        service.expireHolds(TENANT);
        assertThat(holdsOf(first)).isEmpty(); // lost their turn
        Booking next = holdsOf(second).get(0);
        assertThat(next.start()).isEqualTo(at(1, 10, 0));
        assertThat(service.confirmHold(TENANT, next.id(), second).status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
    }

    @Test
    void aClaimedEntryIsNotClaimedAgainUntilReleasedOrLapsed() {
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        join(service, b, TUESDAY, TUESDAY);
        var now = clock.instant();
        var until = now.plus(Duration.ofMinutes(1));
        WaitingListStore.Claim first = claim(Set.of(), now, until).orElseThrow();
        assertThat(first.entry().usager()).isEqualTo(a);
        assertThat(claim(Set.of(), now, until)).map(c -> c.entry().usager()).contains(b);
        assertThat(claim(Set.of(), now, until)).isEmpty();
        waitingList.release(first);
        assertThat(claim(Set.of(), now, until)).map(c -> c.entry().usager()).contains(a);
        // A claim left by a node that died lapses.
        assertThat(claim(Set.of(), until, until.plusSeconds(60)))
                .map(c -> c.entry().usager())
                .contains(a);
        assertThat(claim(Set.of(a), until.plusSeconds(60), until.plusSeconds(120)))
                .map(c -> c.entry().usager())
                .contains(b);
    }

    @Test
    void anOfferedEntryLeavesTheListAndAnOfferEndsWithConfirmation() {
        BookingResult.Booked taken = bookCivil(service, 10);
        UsagerId a = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        Booking offer = holdsOf(a).get(0);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
        // Joining while an offer is pending puts them back on the list, behind nobody else.
        join(service, a, TUESDAY, TUESDAY);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(a);
        assertThat(service.confirmHold(TENANT, offer.id(), a).status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(a);
    }

    private Optional<WaitingListStore.Claim> claim(Set<UsagerId> skip, java.time.Instant now, java.time.Instant until) {
        return waitingList.claimNext(TENANT, SITE, CIVIL, TUESDAY, skip, now, until);
    }
}
