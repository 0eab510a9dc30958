package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRejectedException;
import org.opengru.scheduling.booking.BookingRejectedException.Reason;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.PostgresRateLimiter;
import org.opengru.scheduling.postgres.PostgresWaitingListStore;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;

/**
 * The rate-limiter contract on PostgreSQL, and the reason for it: two nodes (two data sources) share one
 * limit. The same attempts against one {@link RateLimiter#fixedWindow} per node get twice the limit,
 * which shows the two-node tests catch the per-node bug.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresRateLimiterTest extends RateLimiterContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static PostgresDatabase db;
    private static TwoNodes nodes;
    private static DataSource nodeA;
    private static DataSource nodeB;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        nodes = TwoNodes.on(db, 4);
        nodeA = nodes.a();
        nodeB = nodes.b();
    }

    @AfterAll
    static void closePools() {
        nodes.close();
    }

    @Override
    protected RateLimiter newLimiter(int max, Duration window) {
        db.execute("TRUNCATE scheduling_rate_limit");
        return new PostgresRateLimiter(nodeA, "booking", max, window);
    }

    /** Attempts alternating between the two nodes; how many were allowed. */
    private static int allowedAlternating(RateLimiter a, RateLimiter b, int attempts) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            if ((i % 2 == 0 ? a : b).tryAcquire("t|bot", WINDOW.plusSeconds(i))) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void twoNodesShareTheLimit() {
        RateLimiter a = newLimiter(5, MINUTE);
        RateLimiter b = new PostgresRateLimiter(nodeB, "booking", 5, MINUTE);
        assertThat(allowedAlternating(a, b, 20)).isEqualTo(5);
    }

    @Test
    void perNodeCountersGiveABotTheLimitOncePerNode() {
        RateLimiter a = RateLimiter.fixedWindow(5, MINUTE);
        RateLimiter b = RateLimiter.fixedWindow(5, MINUTE);
        // The bug twoNodesShareTheLimit catches: twice the limit behind two nodes.
        assertThat(allowedAlternating(a, b, 20)).isEqualTo(10);
    }

    @Test
    void concurrentAttemptsOnTwoNodesNeverPassTheLimit() throws Exception {
        RateLimiter a = newLimiter(7, MINUTE);
        RateLimiter b = new PostgresRateLimiter(nodeB, "booking", 7, MINUTE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter node = t % 2 == 0 ? a : b;
                results.add(pool.submit(() -> {
                    go.await();
                    return allowed(node, "t|bot", WINDOW, 10);
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertThat(total).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One application node, wired for several: every shared state in PostgreSQL. */
    private static BookingService node(DataSource pool, MutableClock clock) {
        // tag::node[]
        return new BookingService(
                new PostgresBookingStore(pool, Set.of("logiciel-metier")),
                SiteDirectory.of(List.of(SchedulingFixture.setup())),
                BookingPolicy.defaults(),
                clock,
                IdGenerator.create(clock),
                new PostgresRateLimiter(pool, "booking", 3, Duration.ofMinutes(1)),
                new PostgresWaitingListStore(pool),
                DomainEventPublisher.none());
        // end::node[]
    }

    @Test
    void aBotBookingThroughTwoNodesIsRefusedPastTheSharedLimit() {
        db.execute("TRUNCATE scheduling_booking, gru_outbox, scheduling_rate_limit");
        MutableClock clock = new MutableClock(SchedulingFixture.MONDAY_9AM);
        BookingService a = node(nodeA, clock);
        BookingService b = node(nodeB, clock);
        UsagerId bot = UsagerId.of(UUID.randomUUID());
        List<Reason> refusals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BookingRequest request = BookingRequest.online(
                    SchedulingFixture.TENANT,
                    SchedulingFixture.SITE,
                    SchedulingFixture.CIVIL,
                    SchedulingFixture.at(1, 10, 0).plusSeconds(900L * i),
                    bot);
            try {
                assertThat((i % 2 == 0 ? a : b).book(request)).isInstanceOf(BookingResult.Booked.class);
            } catch (BookingRejectedException e) {
                refusals.add(e.reason());
            }
        }
        // Three attempts in the minute, whichever node: the fourth is refused before reaching the store.
        assertThat(refusals)
                .containsExactly(Reason.ACTIVE_BOOKING_EXISTS, Reason.ACTIVE_BOOKING_EXISTS, Reason.RATE_LIMITED);
    }

    @Test
    void aSweepDeletesOnlyPastWindows() {
        PostgresRateLimiter limiter = (PostgresRateLimiter) newLimiter(2, MINUTE);
        limiter.tryAcquire("t|gone", WINDOW);
        limiter.tryAcquire("t|back", WINDOW);
        limiter.tryAcquire("t|back", WINDOW.plusSeconds(60));
        PostgresRateLimiter otherScope = new PostgresRateLimiter(nodeB, "api", 2, MINUTE);
        otherScope.tryAcquire("t|gone", WINDOW);
        assertThat(limiter.sweep(WINDOW.plusSeconds(60))).isEqualTo(1);
        assertThat(limiter.tryAcquire("t|back", WINDOW.plusSeconds(61))).isTrue();
        assertThat(limiter.tryAcquire("t|back", WINDOW.plusSeconds(62))).isFalse();
        assertThat(otherScope.sweep(WINDOW.plusSeconds(60))).isEqualTo(1);
    }
}
