package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.BookingAction;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.Change;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.core.RecordingSubscriber;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.SqlRows;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Migration V8 of gru-scheduling (issue 22) on a database written by the previous release: {@code
 * v7-bookings.sql} holds the rows that the V7 store wrote for four bookings (moved then cancelled with a
 * note, its first two events delivered; a hold expired, its events pending; one cancelled whose usager was
 * erased, written with no subscriber; one booked, delivered). After the upgrade the store reads from the
 * log alone what {@code scheduling_audit} and the outbox held: each trail entry for entry, every chain
 * verifying against the head on its booking row, the events with their outbox ids and kinds (what pending
 * payloads said of the time). A change made afterwards continues the chain and still reaches the outbox;
 * an erasure afterwards clears the note and keeps the chain verifiable.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class BookingEventLogMigrationTest {

    private static final TenantId TENANT = TenantId.of("commune-v7");
    private static final BookingId MOVED = BookingId.of(UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001"));
    private static final BookingId EXPIRED = BookingId.of(UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002"));
    private static final BookingId ERASED = BookingId.of(UUID.fromString("c3c3c3c3-0000-4000-8000-000000000003"));
    private static final BookingId BOOKED = BookingId.of(UUID.fromString("d4d4d4d4-0000-4000-8000-000000000004"));
    private static final List<BookingId> ALL = List.of(MOVED, EXPIRED, ERASED, BOOKED);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PostgresDatabase db;

    BookingEventLogMigrationTest(PostgresDatabase db) throws Exception {
        this.db = db;
        // The schema as the previous release left it: gru-core's scripts, scheduling's before V8, and its rows.
        Migrations.core().migrate(db.dataSource());
        List<String> before = SchedulingSchema.SCRIPTS.stream()
                .map(p -> p.substring(p.lastIndexOf('/') + 1))
                .filter(name -> !name.startsWith("V8__")
                        && !name.startsWith("V10__")
                        && !name.startsWith("V11__")
                        && !name.startsWith("V12__"))
                .toList();
        Migrations.of("scheduling", before).migrate(db.dataSource());
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("v7-bookings.sql"));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theUpgradedStoreReadsEveryTrailAndEventOfTheOldTablesFromTheChainedLog() throws SQLException {
        // The hold's first event given up on by the receiver (a dead row, its payload kept for a retry).
        db.execute("UPDATE gru_outbox SET status = 'DEAD', attempts = 3, last_error = 'attempt 3: HTTP 500',"
                + " dead_at = '2026-06-01 08:06:00+00' WHERE event_id = 'e2000000-0000-4000-8000-000000000001'");
        // What the old tables hold.
        Map<BookingId, List<String>> trails = new LinkedHashMap<>();
        Map<BookingId, List<String>> outboxIds = new LinkedHashMap<>();
        for (BookingId id : ALL) {
            trails.put(
                    id,
                    rows("SELECT action, actor, at, from_status, to_status, detail FROM scheduling_audit"
                            + " WHERE booking_id = '" + id + "' ORDER BY id"));
            outboxIds.put(
                    id, rows("SELECT event_id FROM gru_outbox WHERE aggregate_id = '" + id + "' ORDER BY stream_seq"));
        }
        assertThat(trails.get(MOVED)).hasSize(3);
        assertThat(outboxIds.get(ERASED)).isEmpty();

        Map<String, String> pendingPayloads = new LinkedHashMap<>();
        for (String row : rows("SELECT event_id, payload FROM gru_outbox WHERE status <> 'DELIVERED' ORDER BY id")) {
            String[] parts = row.substring(1, row.length() - 1).split(", ", 2);
            pendingPayloads.put(parts[0], parts[1]);
        }

        assertThat(SchedulingSchema.migrate(db.dataSource()))
                .as("V8, V10, V11 and V12")
                .isEqualTo(4);
        PostgresBookingStore store = new PostgresBookingStore(db.dataSource(), Set.of("logiciel-metier"));

        assertThat(rows("SELECT to_regclass('scheduling_audit')"))
                .as("the old trail is gone")
                .containsExactly("[null]");
        for (BookingId id : ALL) {
            assertThat(store.audit(TENANT, id).stream().map(BookingEventLogMigrationTest::row))
                    .as("the trail of %s, entry for entry", id)
                    .containsExactlyElementsOf(trails.get(id));
            assertThat(store.verifyAudit(TENANT, id).problem())
                    .as("the chain of %s", id)
                    .isNull();
            List<BookingEvent> events = store.outbox(TENANT, id);
            if (!outboxIds.get(id).isEmpty()) {
                assertThat(events.stream().map(e -> "[" + e.eventId() + "]"))
                        .as("the events of %s keep their outbox ids", id)
                        .containsExactlyElementsOf(outboxIds.get(id));
            }
            assertThat(events).extracting(BookingEvent::sequence).isSorted();
        }
        assertThat(store.outbox(TENANT, MOVED))
                .extracting(BookingEvent::kind)
                .containsExactly(BookingEvent.Kind.BOOKED, BookingEvent.Kind.RESCHEDULED, BookingEvent.Kind.CANCELLED);
        assertThat(store.outbox(TENANT, EXPIRED))
                .extracting(BookingEvent::kind, BookingEvent::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BookingEvent.Kind.HELD, BookingStatus.HELD),
                        org.assertj.core.groups.Tuple.tuple(BookingEvent.Kind.HOLD_EXPIRED, BookingStatus.EXPIRED));
        assertThat(store.outbox(TENANT, ERASED))
                .extracting(BookingEvent::kind)
                .containsExactly(BookingEvent.Kind.BOOKED, BookingEvent.Kind.CANCELLED);
        assertThat(store.audit(TENANT, MOVED).get(2).detail()).isEqualTo("Absence de l'agent");

        // V10: the outbox's booking rows became cursors (done up to the first pending event), and went.
        assertThat(rows("SELECT count(*) FROM gru_outbox WHERE aggregate_type = 'booking'"))
                .containsExactly("[0]");
        assertThat(rows("SELECT booking_id, delivered_seq, last_seq, next_attempt_at IS NOT NULL"
                        + " FROM scheduling_booking_delivery ORDER BY booking_id"))
                .containsExactly(
                        "[" + MOVED + ", 2, 3, true]",
                        "[" + EXPIRED + ", 1, 2, true]",
                        "[" + BOOKED + ", 1, 1, false]");

        // A change after the upgrade continues the chain; the relay, reading the log, sends what was pending
        // with the data the outbox rows held, then the new event, and nothing delivered before.
        Instant later = Instant.parse("2026-06-05T08:00:00Z");
        store.apply(
                TENANT,
                BOOKED,
                BookingStatus.BOOKED,
                BookingAction.CANCEL_BY_AGENT,
                new Change(ActorRef.parse("agent:mdupont"), later, EventId.of(UUID.randomUUID()), "Fermeture"));
        assertThat(store.audit(TENANT, BOOKED)).hasSize(2);
        assertThat(store.verifyAudit(TENANT, BOOKED).problem()).isNull();
        assertThat(rows("SELECT count(*) FROM gru_outbox")).containsExactly("[0]");
        PostgresPersistence core = PostgresPersistence.builder(db.dataSource(), Clock.fixed(later, ZoneOffset.UTC))
                .outboxSubscribers(Set.of("logiciel-metier"))
                .eventLog(SchedulingSchema.bookingEventLog())
                .build();
        RecordingSubscriber metier =
                new RecordingSubscriber("logiciel-metier", r -> true, r -> OutboxSubscriber.DeliveryResult.ok("204"));
        OutboxRelay.builder(core.outbox(), Clock.fixed(later, ZoneOffset.UTC))
                .subscriber(metier)
                .build()
                .drain();
        List<OutboxRecord> sent = metier.received();
        assertThat(sent)
                .extracting(r -> r.message().aggregateId() + "#" + r.streamSequence())
                .containsExactlyInAnyOrder(MOVED + "#3", EXPIRED + "#2", BOOKED + "#2");
        for (OutboxRecord r : sent) {
            String before = pendingPayloads.get(r.message().eventId().toString());
            if (before != null) {
                assertThat(sameJson(r.message().payload(), before))
                        .as(
                                "the data of %s as its outbox row held it",
                                r.message().eventId())
                        .isTrue();
            }
        }
        assertThat(sent)
                .filteredOn(r -> r.message().aggregateId().equals(BOOKED.toString()))
                .singleElement()
                .satisfies(r -> assertThat(r.message().eventType()).isEqualTo("scheduling.booking.cancelled"));
        // The dead row became a dead letter, with its attempts and error; retried, it is sent with its data.
        assertThat(core.outbox().withStatus(OutboxStatus.DEAD, 10))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.message().eventId().toString()).isEqualTo("e2000000-0000-4000-8000-000000000001");
                    assertThat(r.streamSequence()).isEqualTo(1L);
                    assertThat(r.attempts()).isEqualTo(3);
                    assertThat(r.lastError()).isEqualTo("attempt 3: HTTP 500");
                });
        assertThat(core.outbox()
                        .retryDead(
                                EventId.of(UUID.fromString("e2000000-0000-4000-8000-000000000001")),
                                "logiciel-metier",
                                later))
                .isTrue();
        OutboxRelay.builder(core.outbox(), Clock.fixed(later, ZoneOffset.UTC))
                .subscriber(metier)
                .build()
                .drain();
        assertThat(metier.received()).last().satisfies(r -> {
            assertThat(r.message().aggregateId() + "#" + r.streamSequence()).isEqualTo(EXPIRED + "#1");
            assertThat(sameJson(r.message().payload(), pendingPayloads.get("e2000000-0000-4000-8000-000000000001")))
                    .isTrue();
        });
        assertThat(core.outbox().withStatus(OutboxStatus.DEAD, 10)).isEmpty();

        // An erasure after the upgrade clears the note from the log; the chain still verifies over its digest.
        assertThat(store.anonymiseUsager(
                        TENANT, UsagerId.of(UUID.fromString("11111111-0000-4000-8000-000000000001")), later))
                .isEqualTo(1);
        assertThat(store.audit(TENANT, MOVED).get(2).detail()).isNull();
        assertThat(store.verifyAudit(TENANT, MOVED).problem()).isNull();
    }

    /** The same JSON, times compared as instants (they are written in the session's time zone). */
    private static boolean sameJson(String a, String b) {
        return normalise(JSON.readTree(a)).equals(normalise(JSON.readTree(b)));
    }

    private static JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.properties().forEach(e -> out.set(e.getKey(), normalise(e.getValue())));
            return out;
        }
        if (node.isString()) {
            try {
                return JSON.getNodeFactory()
                        .stringNode(OffsetDateTime.parse(node.asString())
                                .toInstant()
                                .toString());
            } catch (java.time.format.DateTimeParseException notATime) {
                return node;
            }
        }
        return node;
    }

    private static String row(AuditEntry e) {
        return "[" + e.action() + ", " + e.actor() + ", " + e.at().atOffset(java.time.ZoneOffset.UTC) + ", "
                + (e.from() == null ? null : e.from().name()) + ", " + e.to().name() + ", " + e.detail() + "]";
    }

    private List<String> rows(String sql) throws SQLException {
        return SqlRows.of(db.dataSource(), sql);
    }
}
