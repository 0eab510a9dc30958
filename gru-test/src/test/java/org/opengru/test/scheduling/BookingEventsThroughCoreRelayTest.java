package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.ANTS;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_AGENT;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.PASSPORT;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.MutableClock;
import org.opengru.test.core.RecordingSubscriber;
import org.opengru.test.core.RelaysOnNodes;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22 for bookings: a booking writes its row and one event, nothing in {@code gru_outbox}, and gru-core's
 * relay delivers the events from the booking log ({@link SchedulingSchema#bookingEventLog()}), per booking in
 * the order they happened, numbered 1, 2, 3..., with the webhook {@code data} the outbox copies had.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class BookingEventsThroughCoreRelayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookSecret SECRET = WebhookSecret.of("a-32-byte-or-longer-secret-for-the-logiciel-metier");

    /**
     * The webhook data the store wrote into {@code gru_outbox.payload} before scheduling V10 (its {@code OUTBOX}
     * and {@code OUTBOX_MOVE}), computed here from the log's rows: what consumers received until then.
     */
    private static final String V9_PAYLOAD = "SELECT json_build_object('event', CASE WHEN e.kind = 'RESCHEDULED' THEN"
            + " json_build_object('eventId', e.event_id, 'tenant', e.tenant_id, 'occurredAt', e.occurred_at, 'kind',"
            + " e.kind, 'booking', e.booking_id, 'service', e.service_id, 'resource', e.resource_id, 'startsAt',"
            + " e.starts_at, 'status', e.to_status, 'sequence', e.position, 'previousStartsAt', lag(e.starts_at)"
            + " OVER (ORDER BY e.position)) ELSE json_build_object('eventId', e.event_id, 'tenant', e.tenant_id,"
            + " 'occurredAt', e.occurred_at, 'kind', e.kind, 'booking', e.booking_id, 'service', e.service_id,"
            + " 'resource', e.resource_id, 'startsAt', e.starts_at, 'status', e.to_status, 'sequence', e.position)"
            + " END)::text FROM scheduling_booking_event e WHERE e.booking_id = ?::uuid ORDER BY e.position";

    private static PostgresDatabase db;
    private static SmallPool pool;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        pool = new SmallPool(db.dataSource(), 4);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    /** A node's relay side: gru-core's persistence with the booking log plugged in. */
    private static PostgresPersistence node(javax.sql.DataSource ds, MutableClock clock, String subscriber) {
        // tag::booking-log[]
        return PostgresPersistence.builder(ds, clock)
                .outboxSubscribers(Set.of(subscriber))
                .eventLog(SchedulingSchema.bookingEventLog()) // the relay reads the booking log too
                .build();
        // end::booking-log[]
    }

    private static BookingService bookings(MutableClock clock) {
        return SchedulingFixture.service(
                new PostgresBookingStore(pool, Set.of("logiciel-metier")),
                clock,
                BookingPolicy.defaults(),
                RateLimiter.unlimited());
    }

    private static BookingResult.Booked book(BookingService service, int day, int hour, int minute) {
        return (BookingResult.Booked) service.book(
                BookingRequest.online(TENANT, SITE, PASSPORT, at(day, hour, minute), UsagerId.of(UUID.randomUUID()))
                        .withAntsNumber(ANTS));
    }

    @Test
    void aBookingWritesTwoRowsAndTheRelayDeliversItsEventsInOrderWithTheSameData() throws Exception {
        MutableClock clock = new MutableClock(MONDAY_9AM);
        BookingService service = bookings(clock);
        long outboxBefore = count("SELECT count(*) FROM gru_outbox");
        long eventsBefore = count("SELECT count(*) FROM scheduling_booking_event");
        BookingResult.Booked booked = book(service, 1, 10, 0);
        assertThat(count("SELECT count(*) FROM scheduling_booking_event") - eventsBefore)
                .as("one event")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM gru_outbox"))
                .as("no outbox copy")
                .isEqualTo(outboxBefore);
        Booking b = booked.booking();
        assertThat(service.reschedule(DESK_AGENT, b.id(), at(2, 11, 0))).isInstanceOf(BookingResult.Booked.class);
        service.cancelByUsager(TENANT, b.id(), booked.cancelToken());
        assertThat(count("SELECT count(*) FROM gru_outbox")).isEqualTo(outboxBefore);

        RecordingSubscriber subscriber = new RecordingSubscriber(
                "metier-order",
                r -> r.message().aggregateId().equals(b.id().toString()),
                r -> OutboxSubscriber.DeliveryResult.ok("204"));
        PostgresPersistence core = node(pool, clock, "metier-order");
        // Owed and not yet fed: listed as pending (what the health check's lag reads), from the log's view too.
        // Oldest first: the three happened at the same instant here, so their order among them is not said.
        assertThat(core.outbox().withStatus(OutboxStatus.PENDING, 100_000))
                .filteredOn(r -> r.message().aggregateId().equals(b.id().toString()))
                .extracting(r -> r.message().eventType())
                .containsExactlyInAnyOrder(
                        "scheduling.booking.booked", "scheduling.booking.rescheduled", "scheduling.booking.cancelled");
        OutboxRelay relay =
                OutboxRelay.builder(core.outbox(), clock).subscriber(subscriber).build();
        relay.drain();
        assertThat(core.outbox().withStatus(OutboxStatus.PENDING, 100_000))
                .filteredOn(r -> r.message().aggregateId().equals(b.id().toString()))
                .isEmpty();

        assertThat(subscriber.received())
                .extracting(r -> r.message().eventType())
                .containsExactly(
                        "scheduling.booking.booked", "scheduling.booking.rescheduled", "scheduling.booking.cancelled");
        assertThat(subscriber.received())
                .extracting(OutboxRecord::streamSequence)
                .containsExactly(1L, 2L, 3L);
        assertThat(subscriber.received()).allSatisfy(r -> {
            assertThat(r.message().aggregateType()).isEqualTo("booking");
            assertThat(r.message().aggregateId()).isEqualTo(b.id().toString());
        });
        assertThat(subscriber.received())
                .as("the data, text for text, the outbox copies had")
                .extracting(r -> r.message().payload())
                .containsExactlyElementsOf(v9Payloads(b.id().toString()));
        assertThat(subscriber.received().get(1).message().payload()).contains("\"previousStartsAt\"");
        assertThat(subscriber.received())
                .extracting(r -> r.message().eventId())
                .containsExactlyElementsOf(bookingStore().outbox(TENANT, b.id()).stream()
                        .map(e -> e.eventId())
                        .toList());
        assertThat(relay.drain()).isZero(); // delivered once
        assertThat(core.outbox().stream("metier-order", TENANT.value(), "booking", b.id().toString()))
                .extracting(OutboxRecord::status)
                .containsOnly(OutboxStatus.DELIVERED)
                .hasSize(3);
    }

    @Test
    void aDeadLetterLetsTheLaterEventsThroughThenIsRetriedAndAnErasureClearsTheReceiversErrors() throws Exception {
        MutableClock clock = new MutableClock(MONDAY_9AM);
        BookingService service = bookings(clock);
        AtomicBoolean gone = new AtomicBoolean(true);
        Set<String> ours = ConcurrentHashMap.newKeySet();
        RecordingSubscriber subscriber = new RecordingSubscriber(
                "metier-dead",
                r -> ours.contains(r.message().aggregateId()),
                r -> r.streamSequence() == 1 && gone.get()
                        ? OutboxSubscriber.DeliveryResult.permanent("HTTP 410")
                        : OutboxSubscriber.DeliveryResult.ok("204"));
        PostgresPersistence core = node(pool, clock, "metier-dead");
        OutboxRelay relay =
                OutboxRelay.builder(core.outbox(), clock).subscriber(subscriber).build();
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        BookingResult.Booked booked =
                (BookingResult.Booked) service.book(BookingRequest.online(TENANT, SITE, PASSPORT, at(1, 15, 0), usager)
                        .withAntsNumber(ANTS));
        String id = booked.booking().id().toString();
        ours.add(id);
        service.cancelByUsager(TENANT, booked.booking().id(), booked.cancelToken());

        relay.drain();

        assertThat(subscriber.received())
                .extracting(OutboxRecord::streamSequence)
                .containsExactly(2L);
        List<OutboxRecord> stream = core.outbox().stream("metier-dead", TENANT.value(), "booking", id);
        assertThat(stream).extracting(OutboxRecord::status).containsExactly(OutboxStatus.DEAD, OutboxStatus.DELIVERED);
        assertThat(stream.get(0).lastError()).isEqualTo("attempt 1: HTTP 410");

        // The usager's erasure keeps the cursor and the dead letter (the booking's place in the feed), not
        // what the receiver answered.
        assertThat(bookingStore().anonymiseUsager(TENANT, usager, clock.instant()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM scheduling_booking_dead_letter WHERE booking_id = '" + id
                        + "' AND last_error IS NULL"))
                .isEqualTo(1);

        gone.set(false);
        assertThat(core.outbox().retryDead(stream.get(0).message().eventId(), "metier-dead", clock.instant()))
                .isTrue();
        relay.drain();
        assertThat(subscriber.received())
                .extracting(OutboxRecord::streamSequence)
                .containsExactly(2L, 1L);
        assertThat(core.outbox().stream("metier-dead", TENANT.value(), "booking", id))
                .extracting(OutboxRecord::status)
                .containsOnly(OutboxStatus.DELIVERED);
    }

    /**
     * Two relays on two data sources deliver the booking log to a real receiver that fails for a while, while
     * bookings are made, moved and cancelled: every event arrives, signed, in order per booking, numbered 1,
     * 2, 3...
     */
    @Test
    void twoRelaysDeliverEveryBookingEventInOrderDespiteAFailingReceiver() throws Exception {
        MutableClock clock = new MutableClock(MONDAY_9AM);
        String name = "metier-nodes";
        AtomicInteger calls = new AtomicInteger();
        Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
        Set<String> ours = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int call = calls.incrementAndGet();
            int status = 204;
            if (call <= 15 || (call <= 60 && call % 3 == 0)) {
                status = 503;
            } else {
                JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                String booking = json.get("aggregate").get("id").asString();
                if (ours.contains(booking)) {
                    received.computeIfAbsent(booking, k -> new CopyOnWriteArrayList<>())
                            .add(json);
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
        List<PostgresPersistence> nodes = List.of(node(pool, clock, name), node(db.newDataSource(), clock, name));
        BookingService service = bookings(clock);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        Map<String, Integer> expected = new ConcurrentHashMap<>();
        try {
            List<Future<?>> relays = RelaysOnNodes.start(
                    threads,
                    nodes.stream().map(PostgresPersistence::outbox).toList(),
                    clock,
                    name,
                    uri,
                    SECRET,
                    writing::get);
            // Six bookings while the relays run: booked; then four moved; then three cancelled.
            List<BookingResult.Booked> made = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                BookingResult.Booked b = book(service, 3, 9 + i / 3, 20 * (i % 3));
                made.add(b);
                ours.add(b.booking().id().toString());
                expected.put(b.booking().id().toString(), 1);
            }
            for (int i = 0; i < 4; i++) {
                Booking b = made.get(i).booking();
                assertThat(service.reschedule(DESK_AGENT, b.id(), at(4, 9 + i / 3, 20 * (i % 3))))
                        .isInstanceOf(BookingResult.Booked.class);
                expected.merge(b.id().toString(), 1, Integer::sum);
            }
            for (int i = 2; i < 5; i++) {
                service.cancelByUsager(
                        TENANT, made.get(i).booking().id(), made.get(i).cancelToken());
                expected.merge(made.get(i).booking().id().toString(), 1, Integer::sum);
            }
            writing.set(false);
            for (Future<?> f : relays) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
            server.stop(0);
        }
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            List<JsonNode> events = received.get(e.getKey());
            assertThat(events.stream().map(j -> j.get("sequence").asLong()).distinct())
                    .as("booking %s: every event, in order", e.getKey())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, e.getValue())
                            .boxed()
                            .toList());
            assertThat(events.stream().map(j -> j.get("sequence").asLong()).toList())
                    .as("booking %s: never an event before the one it follows", e.getKey())
                    .isSorted();
            assertThat(events)
                    .extracting(j -> j.get("data").get("event").get("sequence").asLong() + 1)
                    .isEqualTo(
                            events.stream().map(j -> j.get("sequence").asLong()).toList());
        }
    }

    private static PostgresBookingStore bookingStore() {
        return new PostgresBookingStore(pool, Set.of("logiciel-metier"));
    }

    private static List<String> v9Payloads(String bookingId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(V9_PAYLOAD)) {
            ps.setString(1, bookingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
