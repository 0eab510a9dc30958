package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.ANTS;
import static org.opengru.test.scheduling.SchedulingFixture.DESK_AGENT;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.PASSPORT;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.principal.Principal;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Migration V12 of gru-scheduling (issue 22, docs/persistence.md "What a booking's two rows cost") on a database
 * written before it: bookings, a moved one, a cancelled one with a note, a hold confirmed and a hold expired.
 * After the upgrade every trail reads as before and every chain verifies, a change made afterwards continues
 * it, and each guarantee of the booking table still holds: no overlap of two desk-occupying bookings of one desk
 * (buffers included), each check's rule refused under its own name, one booked appointment per usager and
 * service, one booking per idempotency key, the hold cap's trigger; and every read path of the store is served
 * by an index.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class LighterBookingRowMigrationTest {

    private final PostgresDatabase db;
    private final MutableClock clock = new MutableClock(MONDAY_9AM);
    private final PostgresBookingStore store;
    private final BookingService service;

    LighterBookingRowMigrationTest(PostgresDatabase db) {
        this.db = db;
        // The schema as the previous release left it: gru-core's scripts, then scheduling's up to V11.
        Migrations.core().migrate(db.dataSource());
        List<String> before = SchedulingSchema.SCRIPTS.stream()
                .map(p -> p.substring(p.lastIndexOf('/') + 1))
                .filter(name -> !name.startsWith("V12__"))
                .toList();
        Migrations.of("scheduling", before).migrate(db.dataSource());
        store = new PostgresBookingStore(db.dataSource(), Set.of("logiciel-metier"));
        service = SchedulingFixture.service(store, clock, BookingPolicy.defaults(), RateLimiter.unlimited());
    }

    @Test
    void bookingsWrittenBeforeV12KeepTheirChainsAndEveryRuleHoldsAfter() throws SQLException {
        Booking kept = booked(service.book(passport(at(1, 10, 0))));
        Booking moved = booked(service.book(passport(at(1, 11, 0))));
        moved = booked(service.reschedule(DESK_AGENT, moved.id(), at(2, 11, 0)));
        Booking cancelled = booked(service.book(passport(at(1, 14, 0))));
        service.cancelByAgent(DESK_AGENT, cancelled.id(), "Fermeture exceptionnelle de la mairie");
        Booking confirmed = booked(service.hold(passport(at(3, 9, 0))));
        service.confirmHold(Principal.usager(TENANT, confirmed.usager()), confirmed.id());
        Booking expired = booked(service.hold(passport(at(3, 10, 0))));
        clock.advance(Duration.ofHours(2));
        assertThat(service.expireHolds(TENANT)).extracting(Booking::id).containsExactly(expired.id());
        Map<BookingId, List<AuditEntry>> trails = new LinkedHashMap<>();
        for (Booking b : List.of(kept, moved, cancelled, confirmed, expired)) {
            trails.put(b.id(), store.audit(TENANT, b.id()));
        }

        assertThat(SchedulingSchema.migrate(db.dataSource())).as("V12").isEqualTo(1);

        trails.forEach((id, trail) -> {
            assertThat(store.audit(TENANT, id)).as("trail of %s", id).isEqualTo(trail);
            assertThat(store.verifyAudit(TENANT, id).problem())
                    .as("chain of %s", id)
                    .isNull();
        });
        assertThat(store.find(TENANT, expired.id()).orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
        // A change after the upgrade continues the chain written before it.
        service.cancelByAgent(DESK_AGENT, kept.id(), "Demande de l'usager");
        assertThat(store.verifyAudit(TENANT, kept.id()).entries()).isEqualTo(2);
        assertThat(store.verifyAudit(TENANT, kept.id()).problem()).isNull();
        // New bookings after the upgrade verify too, on whichever desk they take.
        Booking first = booked(service.book(passport(at(4, 10, 0))));
        Booking second = booked(service.book(passport(at(4, 10, 0))));
        assertThat(first.resource()).isNotEqualTo(second.resource());
        assertThat(service.book(passport(at(4, 10, 0)))).isInstanceOf(BookingResult.SlotUnavailable.class);
        for (Booking b : List.of(first, second)) {
            assertThat(store.verifyAudit(TENANT, b.id()).problem()).isNull();
        }

        theRulesOfTheTableHold(moved);
        everyReadPathIsServedByAnIndex(moved);
    }

    /** Each guarantee, tried with a row written directly (the store's own checks come first otherwise). */
    private void theRulesOfTheTableHold(Booking taken) {
        String desk = taken.resource().value();
        Instant start = taken.start();
        Duration twenty = Duration.ofMinutes(20);
        // Overlapping the buffer after the appointment only (its busy time, not its appointment time).
        assertThat(refusal(new Row(desk, taken.busyEnd().minusSeconds(60), twenty).sql()))
                .contains("scheduling_booking_no_overlap");
        Row held = new Row(desk, start, twenty);
        held.status = "HELD";
        held.holdExpiresAt = start;
        held.holdLimit = "5";
        assertThat(refusal(held.sql())).contains("scheduling_booking_no_overlap");
        // A cancelled booking does not occupy its desk.
        Row cancelled = new Row(desk, start, twenty);
        cancelled.status = "CANCELLED_BY_USAGER";
        db.execute(cancelled.sql());

        Instant free = at(5, 9, 0);
        Map<String, Row> broken = new LinkedHashMap<>();
        broken.put("scheduling_booking_people", new Row(desk, free, twenty));
        broken.get("scheduling_booking_people").people = 11;
        broken.put("scheduling_booking_status", new Row(desk, free, twenty));
        broken.get("scheduling_booking_status").status = "PERDU";
        broken.put("scheduling_booking_ants_number", new Row(desk, free, twenty));
        broken.get("scheduling_booking_ants_number").ants = "'ab12'";
        Row backwards = new Row(desk, free, twenty);
        backwards.start = free.plus(twenty);
        backwards.end = free;
        broken.put("scheduling_booking_ends_after_start", backwards);
        Row buffer = new Row(desk, free, twenty);
        buffer.busyEnd = free.plusSeconds(60);
        broken.put("scheduling_booking_busy_covers_appointment", buffer);
        Row expiring = new Row(desk, free, twenty);
        expiring.holdExpiresAt = free;
        broken.put("scheduling_booking_held_until", expiring);
        Row cap = new Row(desk, free, twenty);
        cap.status = "HELD";
        cap.holdExpiresAt = free;
        cap.holdLimit = "101";
        broken.put("scheduling_booking_hold_limit_range", cap);
        Row uncapped = new Row(desk, free, twenty);
        uncapped.status = "HELD";
        uncapped.holdExpiresAt = free;
        uncapped.holdLimit = "NULL";
        broken.put("scheduling_booking_hold_has_limit", uncapped);
        broken.forEach((rule, row) -> assertThat(refusal(row.sql())).as(rule).contains("\"" + rule + "\""));

        // One booked appointment per usager and service; one booking per idempotency key.
        Row second = new Row(desk, free, twenty);
        second.usager = taken.usager().value();
        assertThat(refusal(second.sql())).contains("scheduling_booking_one_active");
        Row keyed = new Row(desk, free, twenty);
        keyed.idempotencyKey = "'cle-1'";
        db.execute(keyed.sql());
        Row replayed = new Row("guichet-3", free, twenty);
        replayed.idempotencyKey = "'cle-1'";
        assertThat(refusal(replayed.sql())).contains("scheduling_booking_idempotency");
        // The hold cap (V6's trigger): one unexpired hold per person and service under a cap of 1.
        UUID person = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            Row hold = new Row("guichet-3", at(6, 9 + i, 0), twenty);
            hold.status = "HELD";
            hold.holdExpiresAt = at(6, 9, 0);
            hold.holdLimit = "1";
            hold.usager = person;
            if (i == 0) {
                db.execute(hold.sql());
            } else {
                assertThat(refusal(hold.sql())).contains("scheduling_booking_hold_limit");
            }
        }
    }

    /** A booking row written directly: BOOKED, one person, busy time equal to the appointment's. */
    private static final class Row {
        String desk;
        Instant start;
        Instant end;
        Instant busyStart;
        Instant busyEnd;
        String status = "BOOKED";
        int people = 1;
        String ants = "'" + ANTS + "'";
        String idempotencyKey = "NULL";
        UUID usager = UUID.randomUUID();
        Instant holdExpiresAt;
        String holdLimit = "NULL";

        Row(String desk, Instant start, Duration length) {
            this.desk = desk;
            this.start = start;
            this.end = start.plus(length);
            this.busyStart = start;
            this.busyEnd = end;
        }

        String sql() {
            return ("INSERT INTO scheduling_booking (tenant_id, id, site_id, service_id, resource_id, usager_id,"
                            + " people, starts_at, ends_at, busy_start, busy_end, status, ants_number, idempotency_key,"
                            + " cancel_token_hash, created_at, updated_at, hold_expires_at, hold_limit) VALUES ('%s',"
                            + " '%s', '%s', '%s', '%s', '%s', %d, '%s', '%s', '%s', '%s', '%s', %s, %s, 'h', '%s', '%s',"
                            + " %s, %s)")
                    .formatted(
                            TENANT.value(),
                            UUID.randomUUID(),
                            SITE.value(),
                            PASSPORT.value(),
                            desk,
                            usager,
                            people,
                            start,
                            end,
                            busyStart,
                            busyEnd,
                            status,
                            ants,
                            idempotencyKey,
                            MONDAY_9AM,
                            MONDAY_9AM,
                            holdExpiresAt == null ? "NULL" : "'" + holdExpiresAt + "'",
                            holdLimit);
        }
    }

    private String refusal(String sql) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> db.execute(sql));
        assertThat(t).as(sql).isNotNull();
        return t.getMessage();
    }

    /**
     * EXPLAIN of the store's reads (the statements of PostgresBookingStore, by the index each needs), with
     * sequential scans off so that the small table shows which index can serve it.
     */
    private void everyReadPathIsServedByAnIndex(Booking b) throws SQLException {
        String t = "'" + TENANT.value() + "'";
        String u = "'" + b.usager() + "'::uuid";
        String range = "tstzrange('" + at(1, 0, 0) + "', '" + at(3, 0, 0) + "', '[)')";
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put(
                "SELECT * FROM scheduling_booking WHERE tenant_id = " + t + " AND id = '" + b.id() + "'::uuid",
                "scheduling_booking_pkey");
        plans.put(
                "SELECT * FROM scheduling_booking WHERE tenant_id = " + t + " AND idempotency_key = 'cle-1'",
                "scheduling_booking_idempotency");
        plans.put(
                "SELECT * FROM scheduling_booking WHERE tenant_id = " + t + " AND starts_at >= now()"
                        + " AND starts_at < now() + interval '1 day' ORDER BY starts_at, id",
                "scheduling_booking_start");
        plans.put(
                "SELECT * FROM scheduling_booking WHERE tenant_id = " + t + " AND usager_id = " + u
                        + " ORDER BY created_at DESC, id DESC",
                "scheduling_booking_usager");
        plans.put(
                "SELECT count(*) FROM scheduling_booking WHERE tenant_id = " + t + " AND usager_id = " + u
                        + " AND status = 'NO_SHOW'",
                "scheduling_booking_usager");
        plans.put(
                "SELECT * FROM scheduling_booking WHERE tenant_id = " + t + " AND usager_id = " + u
                        + " AND service_id = 'passeport-cni' AND status = 'BOOKED'",
                "scheduling_booking_one_active");
        // The free-desk probe and the desks' busy time (availability): the exclusion constraint's index.
        plans.put(
                "SELECT 1 FROM scheduling_booking x WHERE x.tenant_id = " + t + " AND x.resource_id = 'guichet-1'"
                        + " AND tstzrange(x.busy_start, x.busy_end, '[)') && " + range
                        + " AND x.status IN ('HELD', 'BOOKED')",
                "scheduling_booking_no_overlap");
        plans.put(
                "SELECT x.resource_id FROM scheduling_booking x WHERE x.tenant_id = " + t
                        + " AND x.resource_id = ANY ('{guichet-1,guichet-2}'::text[]) AND tstzrange(x.busy_start, x.busy_end, '[)')"
                        + " && " + range
                        + " AND (x.status = 'BOOKED' OR (x.status = 'HELD' AND x.hold_expires_at > now()))",
                "scheduling_booking_no_overlap");
        plans.put(
                "SELECT * FROM scheduling_booking_event WHERE tenant_id = " + t + " AND booking_id = '" + b.id()
                        + "'::uuid ORDER BY position",
                "scheduling_booking_event_pkey");
        // A year of three desks (20,000 bookings, some cancelled, attended or no-show), analysed: the planner
        // then chooses as it would in a town hall's database.
        db.execute("INSERT INTO scheduling_booking (tenant_id, id, site_id, service_id, resource_id, usager_id, people,"
                + " starts_at, ends_at, busy_start, busy_end, status, cancel_token_hash, created_at, updated_at)"
                + " SELECT " + t + ", gen_random_uuid(), 'mairie-centrale', 'passeport-cni', 'guichet-' || (n % 3 + 1),"
                + " gen_random_uuid(), 1, s, s + interval '20 minutes', s, s + interval '25 minutes',"
                + " (ARRAY['BOOKED', 'ATTENDED', 'NO_SHOW', 'CANCELLED_BY_USAGER'])[n % 4 + 1], 'h', s, s"
                + " FROM (SELECT n, timestamptz '2027-01-04 08:30+01' + (n / 3 / 20) * interval '1 day'"
                + " + (n / 3 % 20) * interval '30 minutes' AS s FROM generate_series(0, 19999) n) g");
        db.execute("ANALYZE scheduling_booking");
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            for (Map.Entry<String, String> p : plans.entrySet()) {
                assertThat(plan(c, p.getKey())).as(p.getKey()).contains(p.getValue());
            }
        }
    }

    private static String plan(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    private static BookingRequest passport(Instant start) {
        return BookingRequest.online(TENANT, SITE, PASSPORT, start, UsagerId.of(UUID.randomUUID()))
                .withAntsNumber(ANTS);
    }

    private static Booking booked(BookingResult result) {
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).booking();
    }
}
