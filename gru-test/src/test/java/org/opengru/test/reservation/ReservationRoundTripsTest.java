package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.reservation.ReservationStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * Issue 22 item 3: the whole reservation contract again, on two nodes, with what each change sends to
 * PostgreSQL logged. Every request, approval, payment, piece, cancellation, expiry and deposit change, the
 * refused ones included (period taken, stale version), is ONE statement in autocommit, so one round trip
 * and one transaction: the reservation row and its event written together, the advisory lock of the
 * reservable taken inside it. Before, each was five round trips (lock, savepoint, item, event, commit).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ReservationRoundTripsTest extends ReservationContract {

    private static final Set<String> WRITES = Set.of("insert", "update");

    private static PostgresDatabase db;
    private static TwoNodes nodes;
    private static RoundTripLog a;
    private static RoundTripLog b;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        RoundTripLog.countItemRowWrites(db);
        nodes = TwoNodes.on(db, 8);
        a = new RoundTripLog(nodes.a());
        b = new RoundTripLog(nodes.b());
    }

    @AfterAll
    static void close() throws SQLException {
        try {
            RoundTripLog.assertEachItemRowWrittenOncePerTransaction(db);
            assertThat(a.seen()).as("the kinds of change made").contains("insert", "update");
        } finally {
            nodes.close();
        }
    }

    @Override
    protected ReservationStore newStore() {
        ItemLogFixture.truncate(db, "scheduling_reservation");
        return a.around(ReservationStore.class, new PostgresReservationStore(a.dataSource()), WRITES);
    }

    @Override
    protected ReservationStore secondNode() {
        return b.around(ReservationStore.class, new PostgresReservationStore(b.dataSource()), WRITES);
    }

    @AfterEach
    void eachChangeWasOneStatement() {
        RoundTripLog.assertEachChangeIsOneStatement(a.calls());
        RoundTripLog.assertEachChangeIsOneStatement(b.calls());
        a.clear();
        b.clear();
    }
}
