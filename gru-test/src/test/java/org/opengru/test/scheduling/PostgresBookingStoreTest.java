package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_1;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_2;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.scheduling.booking.AuditCheck;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The store contract on PostgreSQL, with the migrations from the jars (gru-core's first). */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresBookingStoreTest extends BookingStoreContract {

    private static PostgresDatabase db;
    private static SmallPool pool;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        SchedulingSchema.migrate(db.dataSource()); // a second node starting: nothing to do
        pool = new SmallPool(db.dataSource(), 16);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected BookingStore newStore() {
        // As the tables' owner: the log refuses TRUNCATE to the application (theApplicationCannot... below).
        db.execute("ALTER TABLE scheduling_booking_event DISABLE TRIGGER scheduling_booking_event_no_truncate");
        db.execute("TRUNCATE scheduling_booking, scheduling_booking_event, scheduling_booking_delivery,"
                + " scheduling_booking_delivery_feed, scheduling_booking_dead_letter, gru_outbox");
        db.execute("ALTER TABLE scheduling_booking_event ENABLE TRIGGER scheduling_booking_event_no_truncate");
        return new PostgresBookingStore(pool, Set.of("logiciel-metier"));
    }

    /** A booking moved, then cancelled by an agent with a note: four events (0 to 3). */
    private Booking trail() {
        UsagerId u = newUsager();
        Booking b = booked(service.book(passport(at(1, 10, 0), u)));
        booked(service.reschedule(SchedulingFixture.DESK_AGENT, b.id(), at(2, 11, 0)));
        service.cancelByAgent(SchedulingFixture.DESK_AGENT, b.id(), "Absence de l'agent");
        assertThat(store.verifyAudit(TENANT, b.id()).valid()).isTrue();
        assertThat(store.audit(TENANT, b.id())).hasSize(3);
        return b;
    }

    /**
     * A creation's event hash is computed in Java for every candidate desk, and the statement keeps the one of
     * the desk it takes: both chains verify, on the first desk and on another, with a clock finer than
     * PostgreSQL's microseconds (the store hashes the time as stored), and PostgreSQL's own function gives
     * the same head over the stored event.
     */
    @Test
    void creationHashesVerifyOnTheFirstDeskAndOnAnother() throws SQLException {
        clock.advance(Duration.ofNanos(123_456_789));
        Instant start = at(1, 10, 0);
        Booking first = booked(service.book(passport(start, newUsager())));
        Booking second = booked(service.book(passport(start, newUsager())));
        assertThat(List.of(first.resource(), second.resource())).containsExactlyInAnyOrder(DESK_1, DESK_2);
        for (Booking b : List.of(first, second)) {
            assertThat(store.verifyAudit(TENANT, b.id()).problem()).isNull();
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT b.audit_head = scheduling_booking_event_hash(e.tenant_id,"
                            + " e.booking_id, e.position, e.event_id, e.action, e.kind, e.actor, e.occurred_at,"
                            + " e.from_status, e.to_status, e.service_id, e.resource_id, e.starts_at,"
                            + " e.detail_sha256, e.previous_hash) FROM scheduling_booking b JOIN"
                            + " scheduling_booking_event e ON e.tenant_id = b.tenant_id AND e.booking_id = b.id"
                            + " WHERE b.id = '" + b.id() + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1))
                        .as("the head PostgreSQL computes for " + b.resource())
                        .isTrue();
            }
        }
    }

    @Test
    void theApplicationCannotUpdateDeleteOrTruncateTheBookingLog() {
        Booking b = trail();
        for (String sql : List.of(
                "UPDATE scheduling_booking_event SET actor = 'agent:someone-else' WHERE booking_id = '" + b.id() + "'",
                "UPDATE scheduling_booking_event SET detail = 'autre chose' WHERE booking_id = '" + b.id() + "'",
                "DELETE FROM scheduling_booking_event WHERE booking_id = '" + b.id() + "'",
                "TRUNCATE scheduling_booking_event")) {
            assertThatThrownBy(() -> db.execute(sql)).hasMessageContaining("scheduling_booking_event is append-only");
        }
        assertThat(store.verifyAudit(TENANT, b.id()).valid()).isTrue();
        // Erasure is the one change allowed: the note goes, the chain (over its digest) still holds.
        db.execute("UPDATE scheduling_booking_event SET detail = NULL WHERE booking_id = '" + b.id() + "'");
        assertThat(store.verifyAudit(TENANT, b.id()).valid()).isTrue();
        assertThat(store.audit(TENANT, b.id()))
                .last()
                .satisfies(a -> assertThat(a.detail()).isNull());
    }

    @Test
    void anEditedEventIsDetected() throws SQLException {
        Booking b = trail();
        asOwnerWithoutTrigger("UPDATE scheduling_booking_event SET actor = 'agent:someone-else' WHERE booking_id = '"
                + b.id() + "' AND position = 1");
        assertThat(store.verifyAudit(TENANT, b.id()).problem()).contains("event 1 was altered");
    }

    @Test
    void anEditedNoteIsDetectedByItsDigest() throws SQLException {
        Booking b = trail();
        asOwnerWithoutTrigger("UPDATE scheduling_booking_event SET detail = 'Demande de l''usager' WHERE booking_id = '"
                + b.id() + "' AND position = 2");
        assertThat(store.verifyAudit(TENANT, b.id()).problem()).contains("event 2's detail does not match its digest");
    }

    @Test
    void swappedEventsAreDetected() throws SQLException {
        Booking b = trail();
        String of = " WHERE booking_id = '" + b.id() + "' AND position = ";
        asOwnerWithoutTrigger(
                "UPDATE scheduling_booking_event SET position = 100" + of + "1",
                "UPDATE scheduling_booking_event SET position = 1" + of + "2",
                "UPDATE scheduling_booking_event SET position = 2" + of + "100");
        assertThat(store.verifyAudit(TENANT, b.id()).problem()).contains("event 1 does not link");
    }

    @Test
    void aDeletedEventInTheMiddleIsDetected() throws SQLException {
        Booking b = trail();
        asOwnerWithoutTrigger(
                "DELETE FROM scheduling_booking_event WHERE booking_id = '" + b.id() + "' AND position = 1");
        assertThat(store.verifyAudit(TENANT, b.id()).problem()).contains("trail truncated: 2 entries");
    }

    @Test
    void aTruncatedOrDeletedAuditTrailIsDetected() throws SQLException {
        Booking b = trail();
        asOwnerWithoutTrigger(
                "DELETE FROM scheduling_booking_event WHERE booking_id = '" + b.id() + "' AND position = 2");
        AuditCheck truncated = store.verifyAudit(TENANT, b.id());
        assertThat(truncated.valid()).isFalse();
        assertThat(truncated.problem()).contains("truncated").contains("records 3");
        assertThat(store.audit(TENANT, b.id()))
                .as("what is left reads as a plausible trail")
                .hasSize(2);

        asOwnerWithoutTrigger("DELETE FROM scheduling_booking_event WHERE booking_id = '" + b.id() + "'");
        assertThat(store.verifyAudit(TENANT, b.id()).problem()).contains("trail deleted");
    }

    @Test
    void aTailRewrittenFromTheCutIsDetectedByTheHead() throws SQLException {
        Booking b = trail();
        // The last event replaced by another, hash and link re-computed as PostgreSQL would: only the head
        // the booking row keeps tells.
        asOwnerWithoutTrigger("UPDATE scheduling_booking_event SET actor = 'agent:someone-else', detail = NULL,"
                + " detail_sha256 = NULL, hash = scheduling_booking_event_hash(tenant_id, booking_id, position, event_id,"
                + " action, kind, 'agent:someone-else', occurred_at, from_status, to_status, service_id, resource_id,"
                + " starts_at, NULL, previous_hash) WHERE booking_id = '" + b.id() + "' AND position = 2");
        assertThat(store.verifyAudit(TENANT, b.id()).problem()).contains("not the head the booking records");
    }

    @Test
    void concurrentChangesOfOneBookingKeepItsChain() throws Exception {
        // Two agents at once on each booking: one moves it, one cancels it; whichever comes second must chain
        // to the head the first wrote, not to the one it read before waiting.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 6; i++) {
                Booking b = booked(
                        service.book(passport(at(1, 9, 0).plus(java.time.Duration.ofMinutes(30L * i)), newUsager())));
                java.time.Instant to = at(2, 9, 0).plus(java.time.Duration.ofMinutes(30L * i));
                java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(2);
                var move = pool.submit(() -> {
                    go.await();
                    return service.reschedule(SchedulingFixture.DESK_AGENT, b.id(), to);
                });
                var cancel = pool.submit(() -> {
                    go.await();
                    return service.cancelByAgent(SchedulingFixture.DESK_AGENT, b.id(), "Fermeture");
                });
                settle(move);
                settle(cancel);
                AuditCheck check = store.verifyAudit(TENANT, b.id());
                assertThat(check.problem()).as("booking %d", i).isNull();
                assertThat(check.entries())
                        .isEqualTo(store.find(TENANT, b.id()).orElseThrow().sequence() + 1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a change that may lose the race (the booking moved or cancelled first): that is allowed. */
    private static void settle(java.util.concurrent.Future<?> change) throws InterruptedException {
        try {
            change.get();
        } catch (java.util.concurrent.ExecutionException lostTheRace) {
            // refused, or a concurrent update: nothing was written
        }
    }

    private void asOwnerWithoutTrigger(String... sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE scheduling_booking_event DISABLE TRIGGER scheduling_booking_event_append_only");
            for (String one : sql) {
                s.execute(one);
            }
            s.execute("ALTER TABLE scheduling_booking_event ENABLE TRIGGER scheduling_booking_event_append_only");
            c.commit();
        }
    }
}
