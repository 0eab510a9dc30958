package org.opengru.test.reservation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.reservation.ReservationStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;
import org.opengru.test.scheduling.SchedulingFixture;

/** The reservation contract on PostgreSQL; the second node has its own connections. */
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
        db.execute("TRUNCATE scheduling_reservation, scheduling_item_trail");
        return new PostgresReservationStore(nodes.a());
    }

    @Override
    protected ReservationStore secondNode() {
        return new PostgresReservationStore(nodes.b());
    }
}
