package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
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
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.postgres.PostgresBookingPaymentStore;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.scheduling.registration.RegistrationId;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.reservation.ReservationId;
import org.opengru.test.core.RecordingSubscriber;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.SqlRows;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration V11 of gru-scheduling (issue 22) on a database written by the previous release: {@code
 * v10-items.sql} holds the rows the V10 stores wrote for a reservation (a change not told among told ones,
 * its first event delivered, two pending, one of them retried twice), a registration (its first event dead,
 * its second delivered) and a booking payment (never told). After the upgrade the stores read from the log
 * alone what {@code scheduling_item_trail} and the outbox held: each trail entry for entry, every chain
 * verifying against the head on its item row, the told changes with their outbox ids and sequences. The
 * relay then sends, from the log, what was pending with the data its outbox row held, nothing delivered
 * before, and a change made afterwards with the next sequence; the dead row is a dead letter it can retry;
 * an erasure afterwards clears the details and keeps the chain verifiable.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ItemEventLogMigrationTest {

    private static final TenantId TENANT = TenantId.of("commune-v10");
    private static final ReservationId RESERVATION =
            new ReservationId(UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001"));
    private static final RegistrationId REGISTRATION =
            new RegistrationId(UUID.fromString("b2b2b2b2-0000-4000-8000-000000000002"));
    private static final BookingId PAYMENT = BookingId.of(UUID.fromString("c3c3c3c3-0000-4000-8000-000000000003"));
    private static final String SUBSCRIBER = "logiciel-metier";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PostgresDatabase db;

    ItemEventLogMigrationTest(PostgresDatabase db) throws Exception {
        this.db = db;
        // The schema as the previous release left it: gru-core's scripts, scheduling's up to V10, and its rows.
        Migrations.core().migrate(db.dataSource());
        List<String> before = SchedulingSchema.SCRIPTS.stream()
                .map(p -> p.substring(p.lastIndexOf('/') + 1))
                .filter(name -> !name.startsWith("V11__") && !name.startsWith("V12__"))
                .toList();
        Migrations.of("scheduling", before).migrate(db.dataSource());
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("v10-items.sql"));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theUpgradedStoresReadEveryTrailAndEventOfTheOldTablesFromTheChainedLog() throws SQLException {
        Map<UUID, List<String>> trails = new LinkedHashMap<>();
        for (UUID id : List.of(RESERVATION.value(), REGISTRATION.value(), PAYMENT.value())) {
            trails.put(
                    id,
                    rows("SELECT action, actor, at, from_status, to_status, detail FROM scheduling_item_trail"
                            + " WHERE item_id = '" + id + "' ORDER BY id"));
        }
        Map<String, String> pendingPayloads = new LinkedHashMap<>();
        for (String row : rows("SELECT event_id, payload FROM gru_outbox WHERE status <> 'DELIVERED' ORDER BY id")) {
            String[] parts = row.substring(1, row.length() - 1).split(", ", 2);
            pendingPayloads.put(parts[0], parts[1]);
        }

        assertThat(SchedulingSchema.migrate(db.dataSource()))
                .as("V11, then V12")
                .isEqualTo(2);
        PostgresReservationStore reservations = new PostgresReservationStore(db.dataSource());
        PostgresRegistrationStore registrations = new PostgresRegistrationStore(db.dataSource());
        PostgresBookingPaymentStore payments = new PostgresBookingPaymentStore(db.dataSource());

        assertThat(rows("SELECT to_regclass('scheduling_item_trail')"))
                .as("the old trail is gone")
                .containsExactly("[null]");
        assertThat(reservations.trail(TENANT, RESERVATION).stream().map(ItemEventLogMigrationTest::row))
                .containsExactlyElementsOf(trails.get(RESERVATION.value()));
        assertThat(registrations.trail(TENANT, REGISTRATION).stream().map(ItemEventLogMigrationTest::row))
                .containsExactlyElementsOf(trails.get(REGISTRATION.value()));
        assertThat(payments.trail(TENANT, PAYMENT).stream().map(ItemEventLogMigrationTest::row))
                .containsExactlyElementsOf(trails.get(PAYMENT.value()));
        assertThat(reservations.verifyTrail(TENANT, RESERVATION).problem()).isNull();
        assertThat(registrations.verifyTrail(TENANT, REGISTRATION).problem()).isNull();
        assertThat(payments.verifyTrail(TENANT, PAYMENT).problem()).isNull();
        // The told changes keep their outbox ids and sequences; the piece provided is logged, not told.
        assertThat(rows("SELECT item_type, position, event_id, webhook_seq, kind FROM scheduling_item_event"
                        + " WHERE event_type IS NOT NULL ORDER BY item_type DESC, position"))
                .containsExactly(
                        "[reservation, 0, e1000000-0000-4000-8000-000000000001, 1, REQUESTED]",
                        "[reservation, 2, e1000000-0000-4000-8000-000000000002, 2, APPROVED]",
                        "[reservation, 3, e1000000-0000-4000-8000-000000000003, 3, PAID]",
                        "[registration, 0, e2000000-0000-4000-8000-000000000001, 1, WAITLISTED]",
                        "[registration, 1, e2000000-0000-4000-8000-000000000002, 2, OFFERED]");

        // The outbox's rows became cursors (done up to the first pending event) and dead letters, and went.
        assertThat(rows("SELECT count(*) FROM gru_outbox")).containsExactly("[0]");
        assertThat(rows("SELECT count(*) FROM gru_outbox_stream")).containsExactly("[0]");
        assertThat(rows("SELECT item_id, delivered_seq, last_seq, attempts, last_error"
                        + " FROM scheduling_reservation_delivery"))
                .containsExactly("[" + RESERVATION + ", 1, 3, 2, attempt 2: HTTP 503]");
        assertThat(rows("SELECT item_id, delivered_seq, last_seq FROM scheduling_registration_delivery"))
                .containsExactly("[" + REGISTRATION + ", 2, 2]");

        // A change after the upgrade continues the chain and the sequence.
        Instant later = Instant.parse("2026-06-05T08:00:00Z");
        Clock clock = Clock.fixed(later, ZoneOffset.UTC);
        UsagerId participant = UsagerId.of(UUID.fromString("22222222-0000-4000-8000-000000000002"));
        new RegistrationService(
                        registrations,
                        new Representations(UsagerStore.inMemory(), MandateStore.inMemory()),
                        clock,
                        IdGenerator.create(clock))
                .cancel(Principal.usager(TENANT, participant), REGISTRATION);
        assertThat(registrations.trail(TENANT, REGISTRATION)).hasSize(3);
        assertThat(registrations.verifyTrail(TENANT, REGISTRATION).problem()).isNull();
        assertThat(rows("SELECT count(*) FROM gru_outbox")).containsExactly("[0]");

        // The relay, reading the log, sends what was pending with the data its outbox row held, then the new
        // event, and nothing delivered before.
        PostgresPersistence core = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of(SUBSCRIBER))
                .eventLog(SchedulingSchema.reservationEventLog())
                .eventLog(SchedulingSchema.registrationEventLog())
                .build();
        RecordingSubscriber metier =
                new RecordingSubscriber(SUBSCRIBER, r -> true, r -> OutboxSubscriber.DeliveryResult.ok("204"));
        OutboxRelay.builder(core.outbox(), clock).subscriber(metier).build().drain();
        assertThat(metier.received())
                .extracting(r -> r.message().aggregateType() + "#" + r.streamSequence())
                .containsExactlyInAnyOrder("reservation#2", "reservation#3", "registration#3");
        for (OutboxRecord r : metier.received()) {
            String before = pendingPayloads.get(r.message().eventId().toString());
            if (before != null) {
                assertThat(JSON.readTree(r.message().payload()))
                        .as(
                                "the data of %s as its outbox row held it",
                                r.message().eventId())
                        .isEqualTo(JSON.readTree(before));
            }
        }
        assertThat(metier.received())
                .filteredOn(r -> r.message().aggregateType().equals("registration"))
                .singleElement()
                .satisfies(r -> assertThat(r.message().eventType()).isEqualTo("scheduling.registration.cancelled"));

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
                                EventId.of(UUID.fromString("e2000000-0000-4000-8000-000000000001")), SUBSCRIBER, later))
                .isTrue();
        OutboxRelay.builder(core.outbox(), clock).subscriber(metier).build().drain();
        assertThat(metier.received()).last().satisfies(r -> {
            assertThat(r.message().aggregateType() + "#" + r.streamSequence()).isEqualTo("registration#1");
            assertThat(JSON.readTree(r.message().payload()))
                    .isEqualTo(JSON.readTree(pendingPayloads.get("e2000000-0000-4000-8000-000000000001")));
        });

        // An erasure after the upgrade clears the details (not the payment's reference) from the log; the
        // chain still verifies over their digests.
        UsagerId resident = UsagerId.of(UUID.fromString("11111111-0000-4000-8000-000000000001"));
        assertThat(reservations.detachUsager(TENANT, resident, Instant.parse("2026-08-01T00:00:00Z")))
                .isEqualTo(1);
        assertThat(reservations.trail(TENANT, RESERVATION))
                .extracting(TrailEntry::detail)
                .containsExactly(null, null, null, "payfip-op-1");
        assertThat(reservations.verifyTrail(TENANT, RESERVATION).problem()).isNull();
    }

    private static String row(TrailEntry e) {
        return "[" + e.action() + ", " + e.actor() + ", " + e.at().atOffset(ZoneOffset.UTC) + ", " + e.fromStatus()
                + ", " + e.toStatus() + ", " + e.detail() + "]";
    }

    private List<String> rows(String sql) throws SQLException {
        return SqlRows.of(db.dataSource(), sql);
    }
}
