package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.PASSPORT;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.Principal;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.model.SiteId;
import org.opengru.test.MutableClock;

/**
 * The behaviour every {@link WaitingListStore} must show, through the booking service and directly.
 * Subclass it once per store with {@link #newStore()} and {@link #newWaitingList()} returning empty stores.
 *
 * <p>The life of an entry: waiting, then claimed and offered a hold; the offer ends confirmed (the person
 * leaves the list), not taken up (expired, released, or expired in passing by another booking: the next
 * person gets the slot and they go to the end of the list), or, when the node making it died, is
 * reconciled from the hold by the reaper ({@link BookingService#expireHolds}).
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

    /** Another node over the same stores, whose waiting list is {@code list}. */
    protected BookingService node(WaitingListStore list) {
        return SchedulingFixture.service(store, list, clock, BookingPolicy.defaults(), RateLimiter.unlimited());
    }

    @BeforeEach
    protected void setUpContract() {
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
        return bookCivil(on, hour, newUsager());
    }

    protected BookingResult.Booked bookCivil(BookingService on, int hour, UsagerId usager) {
        BookingResult r = on.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, hour, 0), usager));
        assertThat(r).isInstanceOf(BookingResult.Booked.class);
        return (BookingResult.Booked) r;
    }

    protected void join(BookingService on, UsagerId usager, LocalDate from, LocalDate to) {
        on.joinWaitingList(Principal.usager(TENANT, usager), SITE, CIVIL, usager, from, to);
    }

    /** The usager's held offers, however many there are. */
    protected List<Booking> holdsOf(UsagerId usager) {
        return store.ofUsager(TENANT, usager).stream()
                .filter(b -> b.status() == BookingStatus.HELD)
                .toList();
    }

    @Test
    void erasureTakesThePersonOffEveryListAndPassesTheirOfferOn() {
        UsagerId leaving = newUsager();
        UsagerId next = newUsager();
        BookingResult.Booked taken = bookCivil(service, 10);
        join(service, leaving, TUESDAY, TUESDAY);
        join(service, next, TUESDAY, TUESDAY);
        service.joinWaitingList(
                Principal.usager(TENANT, leaving), SITE, PASSPORT, leaving, TUESDAY, TUESDAY.plusDays(2));
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        assertThat(holdsOf(leaving)).hasSize(1); // offered the freed slot
        assertThat(waitingList.entriesOf(TENANT, leaving))
                .extracting(WaitingListStore.Entry::service)
                .containsExactlyInAnyOrder(CIVIL, PASSPORT);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> export = (java.util.Map<String, Object>)
                new org.opengru.scheduling.usager.SchedulingSubjectData(service).collect(TENANT, leaving);
        assertThat((List<?>) export.get("waitingLists")).hasSize(2);

        new org.opengru.scheduling.usager.SchedulingSubjectData(service).erase(TENANT, leaving);

        assertThat(waitingList.entriesOf(TENANT, leaving)).isEmpty();
        assertThat(store.ofUsager(TENANT, leaving)).isEmpty();
        assertThat(holdsOf(next)).as("the offer went on to the next person").hasSize(1);
        assertThat(service.waiting(TENANT, SITE, PASSPORT)).doesNotContain(leaving);
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
        service.cancelByAgent(SchedulingFixture.DESK_AGENT, taken.booking().id(), "absence");
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
    void anExpiredOfferMovesOnToTheNextPersonAndSendsTheFirstToTheEnd() {
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
        assertThat(holdsOf(first)).isEmpty(); // lost their turn, not their wait
        Booking next = holdsOf(second).get(0);
        assertThat(next.start()).isEqualTo(at(1, 10, 0));
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(first);
        assertThat(service.confirmHold(Principal.usager(TENANT, second), next.id())
                        .status())
                .isEqualTo(BookingStatus.BOOKED);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(first);
        assertThat(waitingList.offers(TENANT)).isEmpty();
    }

    @Test
    void aReleasedOfferGoesToTheNextPersonAtOnce() {
        BookingResult.Booked taken = bookCivil(service, 10);
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        UsagerId c = newUsager();
        for (UsagerId p : List.of(a, b, c)) {
            join(service, p, TUESDAY, TUESDAY);
        }
        // tag::release[]
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        Booking offer = holdsOf(a).get(0);
        assertThat(service.releaseHold(Principal.usager(TENANT, a), offer.id()).status())
                .isEqualTo(BookingStatus.EXPIRED);
        assertThat(holdsOf(a)).isEmpty();
        assertThat(holdsOf(b)).singleElement().extracting(Booking::start).isEqualTo(at(1, 10, 0));
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(c, a);
        // end::release[]
    }

    @Test
    void leavingTheListGivesAPendingOfferToTheNextPerson() {
        BookingResult.Booked taken = bookCivil(service, 10);
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        join(service, b, TUESDAY, TUESDAY);
        service.cancelByUsager(TENANT, taken.booking().id(), taken.cancelToken());
        BookingId offer = holdsOf(a).get(0).id();
        service.leaveWaitingList(Principal.usager(TENANT, a), SITE, CIVIL, a);
        assertThat(service.find(TENANT, offer).status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(holdsOf(b)).hasSize(1);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
        assertThat(waitingList.offers(TENANT))
                .extracting(o -> o.entry().usager())
                .containsExactly(b);
    }

    @Test
    void aClaimedEntryIsNotClaimedAgainUntilReleased() {
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        join(service, b, TUESDAY, TUESDAY);
        Instant until = clock.instant().plus(Duration.ofMinutes(1));
        WaitingListStore.Offer first = claim(SITE, Set.of(), until).orElseThrow();
        assertThat(first.entry().usager()).isEqualTo(a);
        assertThat(first.slot()).isEqualTo(at(1, 10, 0));
        assertThat(first.claimedUntil()).isEqualTo(until);
        WaitingListStore.Offer second = claim(SITE, Set.of(), until).orElseThrow();
        assertThat(second.entry().usager()).isEqualTo(b);
        assertThat(claim(SITE, Set.of(), until)).isEmpty();
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
        assertThat(waitingList.release(first)).isTrue();
        assertThat(waitingList.release(first)).isFalse(); // settled once
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(a);
        WaitingListStore.Offer again = claim(SITE, Set.of(), until).orElseThrow();
        assertThat(again.entry().usager()).isEqualTo(a);
        waitingList.offered(second);
        assertThat(waitingList.offers(TENANT))
                .extracting(WaitingListStore.Offer::hold, WaitingListStore.Offer::claimedUntil)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(again.hold(), until),
                        org.assertj.core.groups.Tuple.tuple(second.hold(), null));
    }

    @Test
    void aPersonHasOneOfferPerServiceAcrossSites() {
        SiteId annexe = SiteId.of("annexe-nord");
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        waitingList.join(new WaitingListStore.Entry(TENANT, SITE, CIVIL, a, TUESDAY, TUESDAY));
        waitingList.join(new WaitingListStore.Entry(TENANT, annexe, CIVIL, a, TUESDAY, TUESDAY));
        waitingList.join(new WaitingListStore.Entry(TENANT, annexe, CIVIL, b, TUESDAY, TUESDAY));
        Instant until = clock.instant().plus(Duration.ofMinutes(1));
        WaitingListStore.Offer atSite = claim(SITE, Set.of(), until).orElseThrow();
        assertThat(atSite.entry().usager()).isEqualTo(a);
        assertThat(claim(annexe, Set.of(), until)).map(o -> o.entry().usager()).contains(b);
        assertThat(waitingList.declined(TENANT, atSite.hold())).isTrue();
        assertThat(claim(annexe, Set.of(), until)).map(o -> o.entry().usager()).contains(a);
        // Confirming one appointment ends the person's wait for the service everywhere.
        join(service, a, TUESDAY, TUESDAY);
        WaitingListStore.Offer ofA = waitingList.offers(TENANT).stream()
                .filter(o -> o.entry().usager().equals(a))
                .findFirst()
                .orElseThrow();
        assertThat(ofA.entry().site()).isEqualTo(annexe);
        assertThat(waitingList.waiting(TENANT, SITE, CIVIL)).containsExactly(a);
        assertThat(waitingList.accepted(TENANT, ofA.hold())).isTrue();
        assertThat(waitingList.accepted(TENANT, ofA.hold())).isFalse();
        assertThat(waitingList.waiting(TENANT, SITE, CIVIL)).isEmpty();
        assertThat(waitingList.offers(TENANT))
                .extracting(o -> o.entry().usager())
                .containsExactly(b);
    }

    @Test
    void joiningAgainWhileOfferedKeepsOneEntryAndConfirmingEndsTheWait() {
        BookingResult.Booked ten = bookCivil(service, 10);
        BookingResult.Booked eleven = bookCivil(service, 11);
        UsagerId a = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        service.cancelByUsager(TENANT, ten.booking().id(), ten.cancelToken());
        Booking offer = holdsOf(a).get(0);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
        join(service, a, TUESDAY, TUESDAY.plusDays(2)); // a double click: keeps the offer, takes the dates
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
        assertThat(service.confirmHold(Principal.usager(TENANT, a), offer.id()).status())
                .isEqualTo(BookingStatus.BOOKED);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
        service.cancelByUsager(TENANT, eleven.booking().id(), eleven.cancelToken());
        assertThat(holdsOf(a)).isEmpty(); // never a second slot once they have their appointment
        assertThat(waitingList.offers(TENANT)).isEmpty();
    }

    @Test
    void someoneWhoBookedMeanwhileIsNotOfferedAndLeavesTheList() {
        BookingResult.Booked ten = bookCivil(service, 10);
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        join(service, b, TUESDAY, TUESDAY);
        bookCivil(service, 14, a);
        service.cancelByUsager(TENANT, ten.booking().id(), ten.cancelToken());
        assertThat(holdsOf(a)).isEmpty();
        assertThat(holdsOf(b)).hasSize(1);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
    }

    // ---------------------------------------------------------------- offers ended by another path

    /**
     * The offer's hold runs out and, before the reaper comes, a booking takes its slot, expiring the hold in
     * passing (the store's insert does): the reaper must still settle the offer from the hold.
     */
    @Test
    void anOfferExpiredInPassingByABookingIsSettledByTheReaper() {
        BookingResult.Booked ten = bookCivil(service, 10);
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        join(service, b, TUESDAY, TUESDAY);
        service.cancelByUsager(TENANT, ten.booking().id(), ten.cancelToken());
        BookingId offer = holdsOf(a).get(0).id();
        clock.advance(BookingPolicy.defaults().waitingListHold());
        BookingResult.Booked overriding = bookCivil(service, 10);
        assertThat(service.find(TENANT, offer).status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(service.expireHolds(TENANT)).isEmpty(); // nothing left for the reaper to expire...
        assertThat(waitingList.offers(TENANT)).isEmpty(); // ...but the offer is settled
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(b, a);
        assertThat(holdsOf(b)).isEmpty(); // the slot is taken
        // The list moves on: the next freed slot goes to b.
        service.cancelByUsager(TENANT, overriding.booking().id(), overriding.cancelToken());
        assertThat(holdsOf(b)).hasSize(1);
        assertThat(service.waiting(TENANT, SITE, CIVIL)).containsExactly(a);
    }

    /** A node takes the hold and dies before recording the offer: the person must never get a second hold. */
    @Test
    void aNodeDyingAfterTheHoldLeavesOneOfferThatStands() {
        BookingResult.Booked ten = bookCivil(service, 10);
        BookingResult.Booked eleven = bookCivil(service, 11);
        UsagerId a = newUsager();
        UsagerId b = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        join(service, b, TUESDAY, TUESDAY);
        // tag::dying-node[]
        BookingService dying = node(new ForwardingWaitingList(waitingList) {
            @Override
            public void offered(Offer offer) {
                throw new IllegalStateException("node died");
            }
        });
        assertThatThrownBy(() -> dying.cancelByAgent(
                        SchedulingFixture.DESK_AGENT, ten.booking().id(), "absence"))
                .hasMessage("node died");
        assertThat(holdsOf(a)).hasSize(1);
        clock.advance(Duration.ofMinutes(5)); // the claim has lapsed
        service.expireHolds(TENANT);
        service.cancelByAgent(SchedulingFixture.DESK_AGENT, eleven.booking().id(), "absence");
        assertThat(holdsOf(a)).hasSize(1);
        assertThat(holdsOf(b)).singleElement().extracting(Booking::start).isEqualTo(at(1, 11, 0));
        // end::dying-node[]
        service.confirmHold(Principal.usager(TENANT, a), holdsOf(a).get(0).id());
        assertThat(waitingList.offers(TENANT))
                .extracting(o -> o.entry().usager())
                .containsExactly(b);
    }

    /** A node claims the entry and dies before the hold: the entry and the slot must not be lost. */
    @Test
    void aNodeDyingBeforeTheHoldIsReconciledAndTheSlotOfferedAgain() {
        BookingResult.Booked ten = bookCivil(service, 10);
        UsagerId a = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        BookingService dying = node(new ForwardingWaitingList(waitingList) {
            @Override
            public Optional<Offer> claimNext(FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until) {
                list.claimNext(slot, skip, hold, until);
                throw new IllegalStateException("node died");
            }
        });
        assertThatThrownBy(() -> dying.cancelByAgent(
                        SchedulingFixture.DESK_AGENT, ten.booking().id(), "absence"))
                .hasMessage("node died");
        assertThat(holdsOf(a)).isEmpty();
        service.expireHolds(TENANT);
        assertThat(holdsOf(a)).isEmpty(); // still being offered: the claim runs
        clock.advance(Duration.ofMinutes(5));
        service.expireHolds(TENANT);
        assertThat(holdsOf(a)).singleElement().extracting(Booking::start).isEqualTo(at(1, 10, 0));
        assertThat(waitingList.offers(TENANT)).singleElement().satisfies(o -> {
            assertThat(o.hold()).isEqualTo(holdsOf(a).get(0).id());
            assertThat(o.claimedUntil()).isNull();
        });
    }

    /** A node confirms the hold and dies before ending the offer: the reaper ends it. */
    @Test
    void aConfirmationWhoseNodeDiedEndsTheWaitAtTheNextReaperRun() {
        BookingResult.Booked ten = bookCivil(service, 10);
        UsagerId a = newUsager();
        join(service, a, TUESDAY, TUESDAY);
        service.cancelByUsager(TENANT, ten.booking().id(), ten.cancelToken());
        BookingService dying = node(new ForwardingWaitingList(waitingList) {
            @Override
            public boolean accepted(org.opengru.core.tenancy.TenantId tenant, BookingId hold) {
                throw new IllegalStateException("node died");
            }
        });
        BookingId offer = holdsOf(a).get(0).id();
        assertThatThrownBy(() -> dying.confirmHold(Principal.usager(TENANT, a), offer))
                .hasMessage("node died");
        assertThat(waitingList.offers(TENANT)).hasSize(1);
        service.expireHolds(TENANT);
        assertThat(waitingList.offers(TENANT)).isEmpty();
        assertThat(service.waiting(TENANT, SITE, CIVIL)).isEmpty();
    }

    private Optional<WaitingListStore.Offer> claim(SiteId site, Set<UsagerId> skip, Instant until) {
        return waitingList.claimNext(
                new WaitingListStore.FreedSlot(TENANT, site, CIVIL, at(1, 10, 0), TUESDAY),
                skip,
                new BookingId(UUID.randomUUID()),
                until);
    }
}
