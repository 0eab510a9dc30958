package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.ANTS;
import static org.opengru.test.scheduling.SchedulingFixture.PASSPORT;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.request.Request;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.SmallPool;

/**
 * Item 2 of issue 19: the logiciel métier takes 10 seconds to answer each webhook call, and the node's
 * pool has a single connection. While the relay waits on that call, bookings go on (each writes its event
 * into the booking log the same relay reads) and the request whose event is on the wire is purged: the relay holds no
 * transaction, no row lock and no pooled connection across the call; a second request is filed meanwhile
 * too. Afterwards every event left is
 * delivered, and the purged request's event is not brought back.
 *
 * <p>The call's length is {@code opengru.test.slowReceiver} (an ISO-8601 duration, {@code PT10S} unless
 * set), so that a quick run can shorten it; the shape stays.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class SlowReceiverRelayTest {

    private static final Duration CALL = Duration.parse(System.getProperty("opengru.test.slowReceiver", "PT10S"));
    private static final WebhookSecret SECRET = WebhookSecret.of("a-32-byte-or-longer-secret-for-the-logiciel-metier");
    private static final Set<String> SUBSCRIBERS = Set.of("logiciel-metier");

    private final PostgresDatabase db;
    private HttpServer server;
    private SmallPool pool;
    private volatile boolean slow = true;
    private final CountDownLatch callStarted = new CountDownLatch(1);
    private final AtomicInteger callsAnswered = new AtomicInteger();
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

    SlowReceiverRelayTest(PostgresDatabase db) {
        this.db = db;
        SchedulingFixture.migrate(db.dataSource());
    }

    @BeforeEach
    void start() throws Exception {
        db.execute("TRUNCATE gru_outbox, gru_outbox_stream, scheduling_booking");
        pool = new SmallPool(db.dataSource(), 1); // one connection for the whole node
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/hooks/opengru", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            callStarted.countDown();
            if (slow) {
                try {
                    Thread.sleep(CALL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(exchange.getRequestHeaders().getFirst("OpenGRU-Event-Id"));
            callsAnswered.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.close();
    }

    @Test
    void bookingsAndPurgesGoOnWhileTheRelayWaitsOnASlowReceiver() throws Exception {
        Clock clock = Clock.systemUTC();
        PostgresPersistence node = PostgresPersistence.builder(pool, clock)
                .outboxSubscribers(SUBSCRIBERS)
                .eventLog(SchedulingSchema.bookingEventLog()) // the bookings' events, from their log
                .build();
        RequestFixtures fixtures = new RequestFixtures();
        Request onTheWire = node.requestStore()
                .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null))
                .request();
        OutboxRelay relay = OutboxRelay.builder(node.outbox(), clock)
                .subscriber(WebhookSender.create(
                        new WebhookEndpoint(
                                "logiciel-metier",
                                URI.create("http://127.0.0.1:"
                                        + server.getAddress().getPort() + "/hooks/opengru"),
                                SECRET,
                                CALL.plusSeconds(20)),
                        clock))
                .batchSize(1)
                .build();

        String waitingId;
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> batch = background.submit(relay::runOnce);
            assertThat(callStarted.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(bodies.get(0))
                    .as("the event on the wire")
                    .contains(onTheWire.id().toString());

            // The call is on the wire; the node's only connection must be free for everything else. The other
            // request is filed now (filed before, its cursor could be the one the batch of one claims first).
            Request waiting = node.requestStore()
                    .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null))
                    .request();
            waitingId = waiting.id().toString();
            MutableClock bookingClock = new MutableClock(SchedulingFixture.MONDAY_9AM);
            BookingService bookings = SchedulingFixture.service(
                    new PostgresBookingStore(pool, SUBSCRIBERS),
                    bookingClock,
                    BookingPolicy.defaults(),
                    RateLimiter.unlimited());
            List<BookingResult> booked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                booked.add(bookings.book(
                        BookingRequest.online(TENANT, SITE, PASSPORT, at(1, 10, 20 * i), UsagerId.of(UUID.randomUUID()))
                                .withAntsNumber(ANTS)));
            }
            node.retentionStore().purge(fixtures.tenant(), onTheWire.id());
            int answeredMeanwhile = callsAnswered.get();

            assertThat(booked).allSatisfy(b -> assertThat(b).isInstanceOf(BookingResult.Booked.class));
            assertThat(outboxRows("request", onTheWire.id().toString()))
                    .as("the purge went through")
                    .isZero();
            assertThat(answeredMeanwhile)
                    .as("bookings and the purge were done while the slow call was still on the wire")
                    .isZero();

            assertThat(batch.get(CALL.toSeconds() + 60, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            background.shutdownNow();
        }

        slow = false;
        relay.drain();
        assertThat(node.outbox().count(OutboxStatus.PENDING)).isZero();
        assertThat(outboxRows("request", onTheWire.id().toString()))
                .as("the purged request's event is not brought back by the relay's outcome")
                .isZero();
        assertThat(outboxRows("request", waitingId)).isEqualTo(1);
        assertThat(node.outbox().count(OutboxStatus.DELIVERED))
                .as("the other request's and the 3 bookings'")
                .isEqualTo(4);
        assertThat(received).hasSize(5).doesNotHaveDuplicates();
    }

    /** The request's deliveries: read from its log and cursor (a purged request's events have none). */
    private long outboxRows(String aggregateType, String aggregateId) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT (SELECT count(*) FROM gru_outbox WHERE aggregate_type = ?"
                                + " AND aggregate_id = ?) + (SELECT count(*) FROM gru_request_event e, json_array_elements("
                                + " e.payload -> 'events') WHERE ? = 'request' AND e.request_id::text = ?)")) {
            ps.setString(1, aggregateType);
            ps.setString(2, aggregateId);
            ps.setString(3, aggregateType);
            ps.setString(4, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
