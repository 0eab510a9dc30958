package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.ANTS;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.PASSPORT;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Booking events written by the booking statement into gru-core's outbox are delivered by gru-core's own
 * relay, per booking in the order they happened, with their stream numbers.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class BookingEventsThroughCoreRelayTest {

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

    @Test
    void coreRelayDeliversBookingEventsInOrder() throws Exception {
        MutableClock clock = new MutableClock(MONDAY_9AM);
        PostgresBookingStore store = new PostgresBookingStore(pool, Set.of("logiciel-metier"));
        BookingService service =
                SchedulingFixture.service(store, clock, BookingPolicy.defaults(), RateLimiter.unlimited());
        BookingResult.Booked booked = (BookingResult.Booked)
                service.book(BookingRequest.online(TENANT, SITE, PASSPORT, at(1, 10, 0), UsagerId.of(UUID.randomUUID()))
                        .withAntsNumber(ANTS));
        service.cancelByUsager(TENANT, booked.booking().id(), booked.cancelToken());
        List<BookingEvent> written = store.outbox(TENANT, booked.booking().id());

        List<OutboxRecord> received = new CopyOnWriteArrayList<>();
        PostgresPersistence core = PostgresPersistence.builder(pool, clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        OutboxRelay relay = OutboxRelay.builder(core.outbox(), clock)
                .subscriber(new OutboxSubscriber() {
                    @Override
                    public String name() {
                        return "logiciel-metier";
                    }

                    @Override
                    public DeliveryResult deliver(OutboxRecord record) {
                        received.add(record);
                        return DeliveryResult.ok("recorded");
                    }
                })
                .build();
        relay.drain();

        String bookingId = booked.booking().id().toString();
        assertThat(received)
                .extracting(r -> r.message().eventType())
                .containsExactly("scheduling.booking.booked", "scheduling.booking.cancelled");
        assertThat(received).extracting(OutboxRecord::streamSequence).containsExactly(1L, 2L);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.message().aggregateType()).isEqualTo("booking");
            assertThat(r.message().aggregateId()).isEqualTo(bookingId);
            assertThat(r.message().payload()).contains(bookingId);
        });
        assertThat(relay.drain()).isZero(); // delivered once

        // Delivered: the rows keep the payloads' digests only, and the booking's events still read back.
        assertThat(payloads(bookingId))
                .allSatisfy(p -> assertThat(p).startsWith("{\"payloadSha256\":").doesNotContain(bookingId));
        assertThat(store.outbox(TENANT, booked.booking().id()))
                .extracting(BookingEvent::eventId, BookingEvent::kind, BookingEvent::sequence)
                .containsExactlyElementsOf(written.stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.eventId(), e.kind(), e.sequence()))
                        .toList());
        assertThat(store.outbox(TENANT, booked.booking().id()).get(1)).isEqualTo(written.get(1));
    }

    private static List<String> payloads(String aggregateId) throws java.sql.SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.PreparedStatement ps =
                        c.prepareStatement("SELECT payload::text FROM gru_outbox WHERE aggregate_id = ?")) {
            ps.setString(1, aggregateId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
