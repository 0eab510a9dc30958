package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.test.reservation.ReservationContract.AGENT;
import static org.opengru.test.reservation.ReservationContract.ASSOCIATIONS;
import static org.opengru.test.reservation.ReservationContract.T0;
import static org.opengru.test.reservation.ReservationContract.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationEvent;
import org.opengru.scheduling.registration.RegistrationRejectedException;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.test.MutableClock;

/**
 * What every registration store must do, through the service: run it against each adapter with an empty
 * subclass. {@link #secondNode()} is another store on the same data; the in-memory store returns itself.
 */
public abstract class RegistrationContract {

    protected static final SessionId WEEK_1 = SessionId.of("ete-2027-semaine-1");
    protected static final SessionId WEEK_2 = SessionId.of("ete-2027-semaine-2");
    protected static final SessionId WEEK_3 = SessionId.of("ete-2027-semaine-3");
    protected static final Instant START = T0.plus(Duration.ofDays(30));

    protected final MutableClock clock = new MutableClock(T0);
    protected RegistrationStore store;
    protected RegistrationService service;
    protected UsagerStore usagers;

    protected abstract RegistrationStore newStore();

    protected RegistrationStore secondNode() {
        return store;
    }

    // tag::session[]
    protected static EventSession camp(SessionId id, int capacity, long priceCents) {
        return new EventSession(
                TENANT,
                id,
                "centre-de-loisirs-ete",
                "Centre de loisirs, semaine " + id,
                START,
                capacity,
                2, // at most two weeks of the summer per child, waiting ones included
                START.minus(Duration.ofDays(7)), // cancellation until a week before
                priceCents,
                Duration.ofDays(1),
                Set.of(ASSOCIATIONS));
    }
    // end::session[]

    @BeforeEach
    void setUp() {
        store = newStore();
        usagers = UsagerStore.inMemory();
        service = service(store);
    }

    private RegistrationService service(RegistrationStore s) {
        return new RegistrationService(
                s, new Representations(usagers, MandateStore.inMemory()), clock, IdGenerator.create(clock));
    }

    private RegistrationService service(RegistrationStore s, List<RegistrationEvent> told) {
        return new RegistrationService(
                s,
                new Representations(usagers, MandateStore.inMemory()),
                clock,
                IdGenerator.create(clock),
                events -> events.forEach(e -> told.add((RegistrationEvent) e)));
    }

    protected static UsagerId newUsager() {
        return UsagerId.of(UUID.randomUUID());
    }

    protected Registration self(SessionId session) {
        UsagerId u = newUsager();
        return service.register(Principal.usager(TENANT, u), session, u);
    }

    @Test
    void placesUpToTheCapacityThenAWaitingListPromotedInOrder() {
        service.declare(camp(WEEK_1, 2, 0));
        Registration a = self(WEEK_1);
        Registration b = self(WEEK_1);
        Registration c = self(WEEK_1);
        Registration d = self(WEEK_1);
        assertThat(List.of(a, b, c, d))
                .extracting(Registration::status)
                .containsExactly(
                        RegistrationStatus.CONFIRMED,
                        RegistrationStatus.CONFIRMED,
                        RegistrationStatus.WAITING,
                        RegistrationStatus.WAITING);
        service.cancel(Principal.usager(TENANT, b.participant()), b.id());
        assertThat(service.find(TENANT, c.id()).status()).as("first waiting").isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(service.find(TENANT, d.id()).status()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(store.taken(TENANT, WEEK_1)).isEqualTo(2);
        assertThat(service.trail(TENANT, c.id()))
                .extracting(e -> e.action() + ":" + e.toStatus())
                .containsExactly("register:WAITING", "promote:CONFIRMED");
        assertThat(service.declare(camp(WEEK_1, 3, 0)))
                .as("a larger capacity promotes")
                .extracting(Registration::id)
                .containsExactly(d.id());
    }

    @Test
    void aParentRegistersAChildOfTheHouseholdAndNobodyElseMay() {
        service.declare(camp(WEEK_1, 10, 0));
        UsagerId parent = newUsager();
        UsagerId child = newUsager();
        usagers.save(new Household(
                newUsager(),
                TENANT,
                "Foyer Martin",
                List.of(
                        new HouseholdMember(parent, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                        new HouseholdMember(child, HouseholdMember.Relationship.CHILD, false)),
                Contact.none()));
        // tag::child[]
        Registration r = service.register(Principal.usager(TENANT, parent), WEEK_1, child);
        // end::child[]
        assertThat(r.participant()).isEqualTo(child);
        assertThat(r.registeredBy()).isEqualTo(parent);
        assertThat(store.ofUsager(TENANT, parent)).extracting(Registration::id).containsExactly(r.id());
        UsagerId stranger = newUsager();
        assertThatThrownBy(() -> service.register(Principal.usager(TENANT, stranger), WEEK_1, newUsager()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.cancel(Principal.usager(TENANT, stranger), r.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.cancel(Principal.usager(TENANT, parent), r.id()).status())
                .isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void aPersonHasAtMostTheLimitPerEventAndOneRegistrationPerSession() {
        service.declare(camp(WEEK_1, 10, 0));
        service.declare(camp(WEEK_2, 10, 0));
        service.declare(camp(WEEK_3, 10, 0));
        UsagerId u = newUsager();
        service.register(Principal.usager(TENANT, u), WEEK_1, u);
        assertThatThrownBy(() -> service.register(Principal.usager(TENANT, u), WEEK_1, u))
                .isInstanceOfSatisfying(
                        RegistrationRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistrationRejectedException.Reason.ALREADY_REGISTERED));
        service.register(Principal.usager(TENANT, u), WEEK_2, u);
        assertThatThrownBy(() -> service.register(Principal.usager(TENANT, u), WEEK_3, u))
                .isInstanceOfSatisfying(RegistrationRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RegistrationRejectedException.Reason.PERSON_LIMIT);
                    assertThat(e.field()).isEqualTo("participant");
                    assertThat(e.value()).isEqualTo(u.toString());
                });
    }

    @Test
    void cancellingIsRefusedAfterTheDeadlineButLeavingTheWaitingListIsNot() {
        service.declare(camp(WEEK_1, 1, 0));
        Registration placed = self(WEEK_1);
        Registration waiting = self(WEEK_1);
        clock.set(START.minus(Duration.ofDays(2)));
        assertThatThrownBy(() -> service.cancel(Principal.usager(TENANT, placed.participant()), placed.id()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("BEFORE_DEADLINE");
        assertThat(service.cancel(Principal.usager(TENANT, waiting.participant()), waiting.id())
                        .status())
                .isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void aPaidPlaceIsHeldUntilPaidAndAnExpiredHoldGoesToTheNextPerson() {
        service.declare(camp(WEEK_1, 1, 8_000));
        Registration first = self(WEEK_1);
        Registration second = self(WEEK_1);
        assertThat(first.status()).isEqualTo(RegistrationStatus.AWAITING_PAYMENT);
        assertThat(first.holdExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(second.status()).isEqualTo(RegistrationStatus.WAITING);

        clock.advance(Duration.ofDays(2));
        assertThat(service.expireHolds(TENANT)).extracting(Registration::id).containsExactly(first.id());
        Registration promoted = service.find(TENANT, second.id());
        assertThat(promoted.status()).isEqualTo(RegistrationStatus.AWAITING_PAYMENT);
        assertThat(promoted.holdExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));

        // The first pays late: the place went to the second, so the money is to be given back.
        assertThat(service.confirmPayment(TENANT, first.id(), "op-late")).isEqualTo(PaymentOutcome.REFUND_DUE);
        assertThat(service.find(TENANT, first.id()).status()).isEqualTo(RegistrationStatus.REFUND_DUE);
        assertThat(service.confirmPayment(TENANT, second.id(), "op-2")).isEqualTo(PaymentOutcome.ACCEPTED);
        assertThat(service.confirmPayment(TENANT, second.id(), "op-2")).isEqualTo(PaymentOutcome.ALREADY_RECORDED);
        assertThat(store.taken(TENANT, WEEK_1)).isEqualTo(1);
        assertThat(service.recordRefund(AGENT, first.id(), "mandat-9").status()).isEqualTo(RegistrationStatus.REFUNDED);
    }

    /**
     * Issue 23: a place offered from the waiting list is held for its payment and, unpaid, lapses to the
     * next person; never lost. Eight sessions of one place, each held by an unpaid registration with two
     * people waiting; past the hold, two nodes reap at once while late payments arrive for half of them:
     * every session still has exactly one place taken, by the payer or by the next person, who is offered
     * it with a deadline (always, where no payment came). Then the offers lapse unpaid on both nodes at
     * once: each goes to the third person.
     */
    @Test
    void anOfferedPlaceIsHeldForItsPaymentAndLapsesToTheNextPersonAcrossNodes() throws Exception {
        List<RegistrationEvent> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        RegistrationService nodeA = service(store, told);
        RegistrationService nodeB = service(secondNode(), told);
        List<List<Registration>> queues = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            SessionId week = SessionId.of("ete-2027-offre-" + i);
            nodeA.declare(camp(week, 1, 8_000));
            List<Registration> queue = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                UsagerId u = newUsager();
                queue.add((k % 2 == 0 ? nodeA : nodeB).register(Principal.usager(TENANT, u), week, u));
            }
            assertThat(queue)
                    .extracting(Registration::status)
                    .containsExactly(
                            RegistrationStatus.AWAITING_PAYMENT,
                            RegistrationStatus.WAITING,
                            RegistrationStatus.WAITING);
            queues.add(queue);
        }
        clock.advance(Duration.ofDays(1).plusMinutes(1));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<?>> running = new ArrayList<>();
            running.add(pool.submit(() -> {
                start.await();
                return nodeA.expireHolds(TENANT);
            }));
            running.add(pool.submit(() -> {
                start.await();
                return nodeB.expireHolds(TENANT);
            }));
            for (int half = 0; half < 2; half++) {
                int from = half * 2;
                RegistrationService node = half == 0 ? nodeB : nodeA;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = from; i < from + 2; i++) { // sessions 0 to 3 are paid late; 4 to 7 never
                        Registration holder = queues.get(i).get(0);
                        node.confirmPayment(TENANT, holder.id(), "op-late-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int offered = 0;
        for (int i = 0; i < queues.size(); i++) {
            List<Registration> queue = queues.get(i);
            SessionId week = queue.get(0).session();
            Registration holder = nodeA.find(TENANT, queue.get(0).id());
            Registration next = nodeA.find(TENANT, queue.get(1).id());
            assertThat(store.taken(TENANT, week)).as("places taken in " + week).isEqualTo(1);
            assertThat(store.ofSession(TENANT, week).stream()
                            .filter(r -> r.status().takesPlace()))
                    .hasSize(1);
            if (holder.status() == RegistrationStatus.CONFIRMED) {
                assertThat(i).as("confirmed only by a payment").isLessThan(4);
                assertThat(next.status()).isEqualTo(RegistrationStatus.WAITING);
            } else {
                // The place went on: unpaid, or the payment came after the offer and is to be refunded.
                assertThat(holder.status())
                        .isEqualTo(i < 4 ? RegistrationStatus.REFUND_DUE : RegistrationStatus.EXPIRED);
                assertThat(next.status()).isEqualTo(RegistrationStatus.AWAITING_PAYMENT);
                assertThat(next.holdExpiresAt()).isAfter(clock.instant());
                offered++;
            }
        }
        assertThat(told.stream().filter(e -> e.kind() == RegistrationEvent.Kind.OFFERED))
                .as("one OFFERED event per place offered")
                .hasSize(offered);

        // The offers are not paid: each lapses, on both nodes at once, to the third person.
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        ExecutorService reapers = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Future<List<Registration>> a = reapers.submit(() -> {
                start.await();
                return nodeA.expireHolds(TENANT);
            });
            Future<List<Registration>> b = reapers.submit(() -> {
                start.await();
                return nodeB.expireHolds(TENANT);
            });
            assertThat(a.get(60, TimeUnit.SECONDS).size()
                            + b.get(60, TimeUnit.SECONDS).size())
                    .as("each offer lapsed once")
                    .isEqualTo(offered);
        } finally {
            reapers.shutdownNow();
        }
        for (List<Registration> queue : queues) {
            SessionId week = queue.get(0).session();
            assertThat(store.taken(TENANT, week)).isEqualTo(1);
            if (nodeA.find(TENANT, queue.get(1).id()).status() == RegistrationStatus.EXPIRED) {
                Registration third = nodeA.find(TENANT, queue.get(2).id());
                assertThat(third.status()).isEqualTo(RegistrationStatus.AWAITING_PAYMENT);
                assertThat(nodeB.confirmPayment(TENANT, third.id(), "op-third-" + week.value()))
                        .isEqualTo(PaymentOutcome.ACCEPTED);
            }
        }
    }

    @Test
    void aLatePaymentTakesAPlaceStillFree() {
        service.declare(camp(WEEK_1, 2, 8_000));
        Registration r = self(WEEK_1);
        clock.advance(Duration.ofDays(2));
        service.expireHolds(TENANT);
        assertThat(service.confirmPayment(TENANT, r.id(), "op-late")).isEqualTo(PaymentOutcome.ACCEPTED_LATE);
        assertThat(service.find(TENANT, r.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(store.taken(TENANT, WEEK_1)).isEqualTo(1);
    }

    @Test
    void badSessionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> camp(WEEK_1, 0, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("session.capacity"));
        assertThatThrownBy(() -> camp(WEEK_1, 5, -100))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("session.priceCents"));
        service.declare(camp(WEEK_1, 2, 0));
        self(WEEK_1);
        self(WEEK_1);
        assertThatThrownBy(() -> service.declare(camp(WEEK_1, 1, 0)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("session.capacity"));
        assertThatThrownBy(() -> self(SessionId.of("inconnue")))
                .isInstanceOfSatisfying(
                        RegistrationRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistrationRejectedException.Reason.UNKNOWN_SESSION));
    }

    @Test
    void erasureCancelsAndDetaches() {
        service.declare(camp(WEEK_1, 1, 0));
        Registration mine = self(WEEK_1);
        Registration next = self(WEEK_1);
        assertThat(service.eraseUsager(TENANT, mine.participant())).isEqualTo(1);
        assertThat(store.ofUsager(TENANT, mine.participant())).isEmpty();
        assertThat(service.find(TENANT, next.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    /**
     * Two nodes, sixteen threads, forty people registering at once for five places: exactly five get one,
     * the others wait, and the counter says five.
     */
    @Test
    void theCapacityIsNeverExceededUnderConcurrentRegistrations() throws Exception {
        service.declare(camp(WEEK_1, 5, 0));
        RegistrationService nodeB = service(secondNode());
        ConcurrentLinkedQueue<Registration> done = race(40, k -> {
            UsagerId u = newUsager();
            return (k % 2 == 0 ? service : nodeB).register(Principal.usager(TENANT, u), WEEK_1, u);
        });
        assertThat(done).hasSize(40);
        assertThat(done.stream().filter(r -> r.status().takesPlace())).hasSize(5);
        assertThat(store.ofSession(TENANT, WEEK_1).stream()
                        .filter(r -> r.status().takesPlace()))
                .hasSize(5);
        assertThat(store.taken(TENANT, WEEK_1)).isEqualTo(5);
    }

    /**
     * One child registered on two nodes for six weeks at once (a parent on each, say): the limit of two
     * per event holds.
     */
    @Test
    void thePerPersonLimitHoldsUnderConcurrentRegistrations() throws Exception {
        List<SessionId> weeks = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            SessionId week = SessionId.of("ete-2027-semaine-" + i);
            service.declare(camp(week, 10, 0));
            weeks.add(week);
        }
        RegistrationService nodeB = service(secondNode());
        UsagerId child = newUsager();
        ConcurrentLinkedQueue<Registration> done = race(
                6,
                k -> (k % 2 == 0 ? service : nodeB)
                        .register(Principal.system(TENANT, "back-office"), weeks.get(k), child));
        assertThat(done).hasSize(2);
        assertThat(store.ofUsager(TENANT, child).stream().filter(r -> r.status().active()))
                .hasSize(2);
    }

    private interface Attempt {
        Registration run(int k);
    }

    private static ConcurrentLinkedQueue<Registration> race(int threads, Attempt attempt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(Math.min(threads, 16));
        ConcurrentLinkedQueue<Registration> done = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    if (k < 16) {
                        start.await();
                    }
                    try {
                        done.add(attempt.run(k));
                    } catch (RegistrationRejectedException refused) {
                        // a limit reached: what the test counts around
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return done;
    }
}
