package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.Principal;
import org.opengru.scheduling.hold.TrailCheck;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * The reservation contract on PostgreSQL; the second node has its own connections. The trail is the item
 * log (scheduling V11): append-only, hash-chained, its head on the reservation row, so that an edited,
 * swapped, deleted or cut entry shows, while erasing a detail (chained by its digest) does not break it.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresReservationTest extends ReservationContract {

    private static PostgresDatabase db;
    private static TwoNodes nodes;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        nodes = TwoNodes.on(db, 8);
    }

    @AfterAll
    static void close() {
        nodes.close();
    }

    @Override
    protected ReservationStore newStore() {
        ItemLogFixture.truncate(db, "scheduling_reservation");
        return new PostgresReservationStore(nodes.a());
    }

    @Override
    protected ReservationStore secondNode() {
        return new PostgresReservationStore(nodes.b());
    }

    private PostgresReservationStore postgres() {
        return (PostgresReservationStore) store;
    }

    /** Requested, rejected with a reason (a detail), then another asked: three entries on the first. */
    private Reservation trail() {
        UsagerId u = newUsager();
        Reservation r = requested(u, at(3, 10), at(3, 18));
        service.approve(AGENT, r.id());
        service.cancel(Principal.usager(TENANT, u), r.id(), "Fête annulée, M. Martin");
        assertThat(service.trail(TENANT, r.id())).hasSize(3);
        assertThat(postgres().verifyTrail(TENANT, r.id()).problem()).isNull();
        return r;
    }

    private String of(Reservation r) {
        return " WHERE item_type = 'reservation' AND item_id = '" + r.id() + "'";
    }

    @Test
    void theApplicationCannotUpdateDeleteOrTruncateTheTrailButMayEraseItsDetails() {
        Reservation r = trail();
        for (String sql : List.of(
                "UPDATE scheduling_item_event SET actor = 'agent:someone-else'" + of(r),
                "UPDATE scheduling_item_event SET detail = 'autre chose'" + of(r),
                "DELETE FROM scheduling_item_event" + of(r),
                "TRUNCATE scheduling_item_event")) {
            assertThatThrownBy(() -> db.execute(sql)).hasMessageContaining("scheduling_item_event is append-only");
        }
        // Erasure is the one change allowed: the detail goes, the chain (over its digest) still holds.
        assertThat(service.eraseUsager(
                        TENANT, store.find(TENANT, r.id()).orElseThrow().usager()))
                .isEqualTo(1);
        assertThat(service.trail(TENANT, r.id()))
                .allSatisfy(e -> assertThat(e.detail()).isNull());
        TrailCheck check = postgres().verifyTrail(TENANT, r.id());
        assertThat(check.problem()).isNull();
        assertThat(check.entries()).isEqualTo(3);
    }

    @Test
    void anEditedEntryOrDetailIsDetected() throws SQLException {
        Reservation r = trail();
        ItemLogFixture.asOwnerWithoutTrigger(
                db, "UPDATE scheduling_item_event SET actor = 'agent:someone-else'" + of(r) + " AND position = 1");
        assertThat(postgres().verifyTrail(TENANT, r.id()).problem()).contains("event 1 was changed");

        Reservation other = trail();
        ItemLogFixture.asOwnerWithoutTrigger(
                db,
                "UPDATE scheduling_item_event SET detail = 'Demande de l''usager'" + of(other) + " AND position = 2");
        assertThat(postgres().verifyTrail(TENANT, other.id()).problem())
                .contains("event 2's detail does not match its digest");
    }

    @Test
    void swappedEntriesAreDetected() throws SQLException {
        Reservation r = trail();
        ItemLogFixture.asOwnerWithoutTrigger(
                db,
                "UPDATE scheduling_item_event SET position = 100" + of(r) + " AND position = 1",
                "UPDATE scheduling_item_event SET position = 1" + of(r) + " AND position = 2",
                "UPDATE scheduling_item_event SET position = 2" + of(r) + " AND position = 100");
        assertThat(postgres().verifyTrail(TENANT, r.id()).problem()).contains("event 1 does not link");
    }

    @Test
    void aDeletedCutOrRewrittenTrailIsDetected() throws SQLException {
        Reservation middle = trail();
        ItemLogFixture.asOwnerWithoutTrigger(
                db, "DELETE FROM scheduling_item_event" + of(middle) + " AND position = 1");
        assertThat(postgres().verifyTrail(TENANT, middle.id()).problem()).contains("trail truncated: 2 entries");

        Reservation cut = trail();
        ItemLogFixture.asOwnerWithoutTrigger(db, "DELETE FROM scheduling_item_event" + of(cut) + " AND position = 2");
        assertThat(service.trail(TENANT, cut.id()))
                .as("what is left reads as a plausible trail")
                .hasSize(2);
        assertThat(postgres().verifyTrail(TENANT, cut.id()).problem())
                .contains("truncated")
                .contains("records 3");
        ItemLogFixture.asOwnerWithoutTrigger(db, "DELETE FROM scheduling_item_event" + of(cut));
        assertThat(postgres().verifyTrail(TENANT, cut.id()).problem()).contains("trail deleted");

        // The last entry replaced by another, hash and link re-computed as PostgreSQL would: only the head
        // the reservation row keeps tells.
        Reservation rewritten = trail();
        ItemLogFixture.asOwnerWithoutTrigger(
                db,
                "UPDATE scheduling_item_event SET actor = 'agent:someone-else', hash ="
                        + " scheduling_item_event_hash(tenant_id, item_type, item_id, position, event_id, action, kind,"
                        + " 'agent:someone-else', occurred_at, from_status, to_status, event_type, event::text,"
                        + " detail_sha256, previous_hash)" + of(rewritten) + " AND position = 2");
        assertThat(postgres().verifyTrail(TENANT, rewritten.id()).problem())
                .contains("not the head the reservation records");
    }

    /**
     * The V11 stores' event statement, as they ran it after the item's own statement (two statements, the
     * item row updated twice): kept here to write a change the way a database upgraded before the fold holds
     * it.
     */
    private static final String TWO_STATEMENT_EVENT = """
            WITH cur AS (
                SELECT t.event_count, coalesce(t.audit_head, ?) AS previous_hash, t.webhook_seq FROM scheduling_reservation t
                 WHERE t.tenant_id = ? AND t.id = ?::uuid FOR UPDATE),
            upd AS (
                UPDATE scheduling_reservation t
                   SET event_count = c.event_count + 1, webhook_seq = c.webhook_seq,
                       audit_head = scheduling_item_event_hash(?, 'reservation', ?::uuid, c.event_count,
                           ?::uuid, 'provide_piece', NULL, 'usager:someone', ?::timestamptz, 'REQUESTED',
                           'REQUESTED', NULL, NULL, scheduling_digest('attestation-2027'), c.previous_hash)
                  FROM cur c WHERE t.tenant_id = ? AND t.id = ?::uuid
                RETURNING c.event_count AS position, c.previous_hash, t.audit_head)
            INSERT INTO scheduling_item_event (tenant_id, item_type, item_id, position, event_id, action, kind, actor,
                   occurred_at, from_status, to_status, event_type, event, webhook_seq, detail_sha256, detail,
                   previous_hash, hash)
            SELECT ?, 'reservation', ?::uuid, u.position, ?::uuid, 'provide_piece', NULL, 'usager:someone',
                   ?::timestamptz, 'REQUESTED', 'REQUESTED', NULL, NULL, NULL, scheduling_digest('attestation-2027'),
                   'attestation-2027', u.previous_hash, u.audit_head
              FROM upd u""";

    /**
     * Issue 22 item 3: a chain whose head the V11 stores wrote (item statement, then event statement) goes on
     * with a change written by today's single statement, and verifies; the webhook numbering goes on too.
     */
    @Test
    void aChangeInOneStatementContinuesAChainWrittenInTwo() throws SQLException {
        UsagerId u = newUsager();
        Reservation r = requested(u, at(5, 10), at(5, 18));
        // A piece provided by a node of the previous release: its item statement, then its event statement.
        java.time.Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement item = c.prepareStatement("UPDATE scheduling_reservation SET version ="
                    + " version + 1, piece_codes = '{attestation-assurance}', piece_refs = '{attestation-2027}'"
                    + " WHERE tenant_id = ? AND id = ?")) {
                item.setString(1, TENANT.value());
                item.setObject(2, r.id().value());
                assertThat(item.executeUpdate()).isEqualTo(1);
            }
            try (java.sql.PreparedStatement event = c.prepareStatement(TWO_STATEMENT_EVENT)) {
                String id = r.id().toString();
                java.time.OffsetDateTime when = at.atOffset(java.time.ZoneOffset.UTC);
                String eventId = java.util.UUID.randomUUID().toString();
                Object[] values = {
                    org.opengru.scheduling.postgres.ItemEventHashes.GENESIS,
                    TENANT.value(),
                    id,
                    TENANT.value(),
                    id,
                    eventId,
                    when,
                    TENANT.value(),
                    id,
                    TENANT.value(),
                    id,
                    eventId,
                    when
                };
                for (int i = 0; i < values.length; i++) {
                    event.setObject(i + 1, values[i]);
                }
                assertThat(event.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
        assertThat(postgres().verifyTrail(TENANT, r.id()).problem()).isNull();

        service.approve(AGENT, r.id());

        TrailCheck check = postgres().verifyTrail(TENANT, r.id());
        assertThat(check.problem()).isNull();
        assertThat(check.entries()).isEqualTo(3);
        assertThat(service.trail(TENANT, r.id()))
                .extracting(e -> e.action())
                .containsExactly("request", "provide_piece", "approve");
        assertThat(org.opengru.test.postgres.SqlRows.of(
                        db.dataSource(),
                        "SELECT position, webhook_seq FROM scheduling_item_event" + of(r) + " ORDER BY position"))
                .containsExactly("[0, 1]", "[1, null]", "[2, 2]");
    }
}
