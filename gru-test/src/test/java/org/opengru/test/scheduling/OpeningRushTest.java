package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * The opening rush: 100 single-place passport slots are released and 64 residents' browsers, spread over
 * two application nodes (two independent data sources), race for them. Every thread walks the slots in
 * the same order, the worst case. Exactly 100 bookings must succeed, none over capacity, each with one
 * audit entry and one outbox event. The same race against a naive check-then-insert, with no constraint
 * in the database, must overbook: that is what shows the test can catch the bug.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class OpeningRushTest {

    private static final TenantId TENANT = TenantId.of("commune-rush");
    private static final SiteId SITE = SiteId.of("mairie");
    private static final ServiceId PASSPORT = ServiceId.of("passeport");
    private static final ResourceId DESK = ResourceId.of("guichet-unique");
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 8);
    private static final int THREADS = 64;

    private static PostgresDatabase db;
    private static SmallPool node1;
    private static SmallPool node2;

    @BeforeAll
    static void start(PostgresDatabase database) throws SQLException {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        db.execute("CREATE TABLE unguarded_booking (id bigserial PRIMARY KEY, resource_id text NOT NULL,"
                + " starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL)");
        // One connection per thread of the node: a thread never waits for the pool, only for the
        // database (on a loaded CI machine a small pool made threads time out waiting for a connection).
        node1 = new SmallPool(db.newDataSource(), THREADS / 2);
        node2 = new SmallPool(db.newDataSource(), THREADS / 2);
    }

    @AfterAll
    static void stop() {
        node1.close();
        node2.close();
    }

    /** One attempt to take a slot; true when this attempt got it. */
    @FunctionalInterface
    interface Booker {
        boolean tryBook(int thread, Instant start) throws Exception;
    }

    @Test
    void exactlyOneBookingPerSlotAcrossTwoNodes() throws Exception {
        MutableClock clock = new MutableClock(
                MONDAY.atTime(7, 0).atZone(HolidayZone.METROPOLE.zone()).toInstant());
        BookingService[] nodes = {service(node1, clock), service(node2, clock)};
        List<Instant> slots = nodes[0].availability(TENANT, SITE, PASSPORT, MONDAY, MONDAY.plusDays(6), 1).stream()
                .map(Slot::start)
                .toList();
        assertThat(slots).hasSize(100);

        int won = race(
                slots,
                (thread, start) -> nodes[thread % 2].book(
                                BookingRequest.online(TENANT, SITE, PASSPORT, start, UsagerId.of(UUID.randomUUID())))
                        instanceof BookingResult.Booked);

        assertThat(won).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM scheduling_booking WHERE status = 'BOOKED'"))
                .isEqualTo(100);
        assertThat(count(
                        "SELECT count(*) FROM (SELECT resource_id, starts_at FROM scheduling_booking WHERE status = 'BOOKED'"
                                + " GROUP BY resource_id, starts_at HAVING count(*) > 1) over_capacity"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM scheduling_booking a JOIN scheduling_booking b ON a.resource_id = b.resource_id"
                                        + " AND a.id < b.id AND tstzrange(a.busy_start, a.busy_end, '[)') && tstzrange(b.busy_start, b.busy_end, '[)') WHERE a.status = 'BOOKED' AND b.status = 'BOOKED'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM scheduling_booking_event")).isEqualTo(100);
        // Two rows per booking (its own and its event): the relay reads the event from the log, no outbox copy.
        assertThat(count("SELECT count(*) FROM gru_outbox WHERE aggregate_type = 'booking'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM scheduling_booking b WHERE (SELECT count(*) FROM scheduling_booking_event a WHERE a.booking_id = b.id) <> 1"))
                .isZero();
        assertThat(nodes[1].availability(TENANT, SITE, PASSPORT, MONDAY, MONDAY.plusDays(6), 1))
                .isEmpty();
    }

    @Test
    void theSameRaceOverbooksWithAnUnguardedCheckThenInsert() throws Exception {
        List<Instant> slots = new ArrayList<>();
        Instant first = MONDAY.plusDays(7)
                .atTime(8, 0)
                .atZone(HolidayZone.METROPOLE.zone())
                .toInstant();
        for (int i = 0; i < 100; i++) {
            slots.add(first.plus(Duration.ofMinutes(15L * i)));
        }
        DataSource[] nodes = {node1, node2};
        int won = race(slots, (thread, start) -> uncheckedBook(nodes[thread % 2], start));
        long overCapacity =
                count("SELECT count(*) FROM (SELECT starts_at FROM unguarded_booking GROUP BY resource_id, starts_at"
                        + " HAVING count(*) > 1) over_capacity");
        assertThat(won).as("bookings the naive version accepted").isGreaterThan(100);
        assertThat(overCapacity).as("slots given more than once").isPositive();
    }

    /** What a store without a database guarantee does: look, then write, in two statements. */
    private static boolean uncheckedBook(DataSource ds, Instant start) throws SQLException {
        OffsetDateTime s = OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
        OffsetDateTime e = s.plusMinutes(15);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement check = c.prepareStatement(
                    "SELECT count(*) FROM unguarded_booking WHERE resource_id = ? AND starts_at < ? AND ends_at > ?")) {
                check.setString(1, DESK.value());
                check.setObject(2, e);
                check.setObject(3, s);
                try (ResultSet rs = check.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO unguarded_booking (resource_id, starts_at, ends_at) VALUES (?, ?, ?)")) {
                insert.setString(1, DESK.value());
                insert.setObject(2, s);
                insert.setObject(3, e);
                insert.executeUpdate();
                return true;
            }
        }
    }

    /**
     * 64 threads released at once; each walks the slots in order, skipping those it has seen taken (as a
     * browser refreshing the list would), and tries the others. Returns how many attempts succeeded.
     */
    private static int race(List<Instant> slots, Booker booker) throws Exception {
        Set<Instant> seenTaken = ConcurrentHashMap.newKeySet();
        AtomicInteger won = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (Instant start : slots) {
                        if (seenTaken.contains(start)) {
                            continue;
                        }
                        if (booker.tryBook(thread, start)) {
                            won.incrementAndGet();
                        }
                        seenTaken.add(start);
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
        return won.get();
    }

    private static BookingService service(DataSource node, MutableClock clock) {
        SiteSetup setup = SchedulingFixture.rushWeek(TENANT, SITE, PASSPORT, DESK, MONDAY);
        BookingPolicy policy = new BookingPolicy(Duration.ofMinutes(10), Duration.ofHours(1), 0, List.of(), 0);
        return new BookingService(
                new PostgresBookingStore(node, Set.of("logiciel-metier")),
                SiteDirectory.of(List.of(setup)),
                policy,
                clock,
                IdGenerator.create(clock),
                RateLimiter.unlimited(),
                DomainEventPublisher.none());
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
