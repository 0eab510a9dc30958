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
}
