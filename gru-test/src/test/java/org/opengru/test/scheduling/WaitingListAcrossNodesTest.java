package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.PostgresWaitingListStore;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;

/**
 * The waiting list shared by two application nodes (two independent data sources) and kept across a
 * restart. Each scenario also runs against the broken variants it must catch: one in-memory list per node
 * (a cancellation on the other node offers nothing; a person who joined through both nodes gets two holds)
 * and a shared list read without claiming (two nodes freeing slots at once hold both for the same person).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class WaitingListAcrossNodesTest {

    private static final ActorRef AGENT = new ActorRef(ActorKind.AGENT, "mdupont");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 6, 9);

    private static PostgresDatabase db;
    private static TwoNodes nodes;
    private static DataSource poolA;
    private static DataSource poolB;

    private MutableClock clock;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        nodes = TwoNodes.on(db, 4);
        poolA = nodes.a();
        poolB = nodes.b();
    }

    @AfterAll
    static void closePools() {
        nodes.close();
    }

    @BeforeEach
    void empty() {
        db.execute("TRUNCATE scheduling_booking, gru_outbox, scheduling_waiting");
        clock = new MutableClock(MONDAY_9AM);
    }

    private BookingService node(DataSource pool, WaitingListStore waitingList) {
        return SchedulingFixture.service(
                new PostgresBookingStore(pool, Set.of("logiciel-metier")),
                waitingList,
                clock,
                BookingPolicy.defaults(),
                RateLimiter.unlimited());
    }

    private static BookingId bookCivil(BookingService on, int hour) {
        BookingResult r = on.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, hour, 0), newUsager()));
        assertThat(r).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) r).booking().id();
    }

    private static UsagerId newUsager() {
        return UsagerId.of(UUID.randomUUID());
    }

    private static long holdsOf(BookingStore store, UsagerId usager) {
        return store.ofUsager(TENANT, usager).stream()
                .filter(b -> b.status() == BookingStatus.HELD)
                .count();
    }

    // ---------------------------------------------------------------- a cancellation on the other node

    /** Someone joins on node A; a booking is cancelled on node B: how many holds they get. */
    private long holdsAfterCancellingOnTheOtherNode(BookingService a, BookingService b) {
        BookingId taken = bookCivil(a, 10);
        UsagerId waiting = newUsager();
        a.joinWaitingList(Principal.usager(TENANT, waiting), SITE, CIVIL, waiting, TUESDAY, TUESDAY);
        b.cancelByAgent(SchedulingFixture.DESK_AGENT, taken, "absence");
        return holdsOf(b.store(), waiting);
    }

    @Test
    void aCancellationOnNodeBOffersTheSlotToWhoJoinedOnNodeA() {
        BookingService a = node(poolA, new PostgresWaitingListStore(poolA));
        BookingService b = node(poolB, new PostgresWaitingListStore(poolB));
        assertThat(holdsAfterCancellingOnTheOtherNode(a, b)).isEqualTo(1);
    }

    @Test
    void perNodeListsOfferNothingWhenTheOtherNodeCancels() {
        // The bug the test above catches, kept as a check that it would.
        BookingService a = node(poolA, WaitingListStore.inMemory());
        BookingService b = node(poolB, WaitingListStore.inMemory());
        assertThat(holdsAfterCancellingOnTheOtherNode(a, b)).isZero();
    }

    @Test
    void aRestartLosesNoOneAndTheOfferMovesOnAfterIt() {
        BookingService before = node(poolA, new PostgresWaitingListStore(poolA));
        BookingId taken = bookCivil(before, 10);
        UsagerId first = newUsager();
        UsagerId second = newUsager();
        before.joinWaitingList(Principal.usager(TENANT, first), SITE, CIVIL, first, TUESDAY, TUESDAY);
        before.joinWaitingList(Principal.usager(TENANT, second), SITE, CIVIL, second, TUESDAY, TUESDAY);
        before.cancelByAgent(SchedulingFixture.DESK_AGENT, taken, "absence");
        BookingService after = node(poolB, new PostgresWaitingListStore(poolB)); // new JVM, new connections
        assertThat(after.waiting(TENANT, SITE, CIVIL)).containsExactly(second);
        clock.advance(BookingPolicy.defaults().waitingListHold());
        after.expireHolds(TENANT);
        assertThat(holdsOf(after.store(), first)).isZero();
        assertThat(holdsOf(after.store(), second)).isEqualTo(1);
        assertThat(after.waiting(TENANT, SITE, CIVIL)).containsExactly(first); // back at the end
    }

    // ---------------------------------------------------------------- two slots freed at once

    /**
     * Two people join (each through both nodes, as a double click behind a load balancer does); two
     * bookings of their day are cancelled at the same moment, one on each node. Both nodes pick the person
     * to offer before either records the offer (a barrier in the list makes that certain). Holds per person.
     */
    private Map<UsagerId, Long> holdsAfterTwoCancellationsAtOnce(WaitingListStore listA, WaitingListStore listB)
            throws Exception {
        CyclicBarrier bothPicked = new CyclicBarrier(2);
        BookingService a = node(poolA, new PickedTogether(listA, bothPicked));
        BookingService b = node(poolB, new PickedTogether(listB, bothPicked));
        BookingId ten = bookCivil(a, 10);
        BookingId eleven = bookCivil(a, 11);
        UsagerId p1 = newUsager();
        UsagerId p2 = newUsager();
        for (UsagerId p : List.of(p1, p2)) {
            a.joinWaitingList(Principal.usager(TENANT, p), SITE, CIVIL, p, TUESDAY, TUESDAY);
            b.joinWaitingList(Principal.usager(TENANT, p), SITE, CIVIL, p, TUESDAY, TUESDAY);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> onA = threads.submit(() -> a.cancelByAgent(SchedulingFixture.DESK_AGENT, ten, "absence"));
            Future<?> onB = threads.submit(() -> b.cancelByAgent(SchedulingFixture.DESK_AGENT, eleven, "absence"));
            onA.get(30, TimeUnit.SECONDS);
            onB.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        Map<UsagerId, Long> holds = new HashMap<>();
        for (UsagerId p : List.of(p1, p2)) {
            holds.put(p, holdsOf(a.store(), p));
        }
        return holds;
    }

    @Test
    void slotsFreedAtOnceOnTwoNodesGoToTwoPeopleOneHoldEach() throws Exception {
        Map<UsagerId, Long> holds = holdsAfterTwoCancellationsAtOnce(
                new PostgresWaitingListStore(poolA), new PostgresWaitingListStore(poolB));
        assertThat(holds.values()).containsExactly(1L, 1L);
    }

    @Test
    void perNodeListsHoldBothSlotsForTheSamePerson() throws Exception {
        Map<UsagerId, Long> holds =
                holdsAfterTwoCancellationsAtOnce(WaitingListStore.inMemory(), WaitingListStore.inMemory());
        assertThat(holds.values()).containsExactlyInAnyOrder(2L, 0L);
    }

    @Test
    void aSharedListReadWithoutClaimingHoldsBothSlotsForTheSamePerson() throws Exception {
        Map<UsagerId, Long> holds = holdsAfterTwoCancellationsAtOnce(
                new Unclaimed(new PostgresWaitingListStore(poolA), poolA),
                new Unclaimed(new PostgresWaitingListStore(poolB), poolB));
        assertThat(holds.values()).containsExactlyInAnyOrder(2L, 0L);
    }

    /** Waits after picking until the other node has picked too. */
    private static final class PickedTogether extends ForwardingWaitingList {

        private final CyclicBarrier barrier;

        PickedTogether(WaitingListStore list, CyclicBarrier barrier) {
            super(list);
            this.barrier = barrier;
        }

        @Override
        public Optional<Offer> claimNext(FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until) {
            Optional<Offer> claim = super.claimNext(slot, skip, hold, until);
            try {
                barrier.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other node did not pick", e);
            }
            return claim;
        }
    }

    /** The deliberately broken shared list: picks the first waiting row with a plain read, claiming nothing. */
    private static final class Unclaimed extends ForwardingWaitingList {

        private final DataSource pool;

        Unclaimed(WaitingListStore list, DataSource pool) {
            super(list);
            this.pool = pool;
        }

        @Override
        public Optional<Offer> claimNext(FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until) {
            TenantId tenant = slot.tenant();
            LocalDate date = slot.date();
            try (Connection c = pool.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT id, usager_id FROM scheduling_waiting WHERE tenant_id = ? AND site_id = ?"
                                    + " AND service_id = ? AND hold_id IS NULL AND from_date <= ? AND to_date >= ?"
                                    + " ORDER BY id")) {
                ps.setString(1, tenant.value());
                ps.setString(2, slot.site().value());
                ps.setString(3, slot.service().value());
                ps.setObject(4, date);
                ps.setObject(5, date);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UsagerId usager = UsagerId.of(rs.getObject(2, UUID.class));
                        if (!skip.contains(usager)) {
                            return Optional.of(new Offer(
                                    rs.getLong(1),
                                    new Entry(tenant, slot.site(), slot.service(), usager, date, date),
                                    hold,
                                    slot.start(),
                                    until));
                        }
                    }
                }
                return Optional.empty();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
