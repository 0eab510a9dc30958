package org.opengru.test.scheduling;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.PostgresWaitingListStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The waiting-list contract on PostgreSQL. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresWaitingListTest extends WaitingListContract {

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

    @Override
    protected BookingStore newStore() {
        db.execute("TRUNCATE scheduling_booking, gru_outbox, scheduling_waiting");
        return new PostgresBookingStore(pool, Set.of("logiciel-metier"));
    }

    @Override
    protected WaitingListStore newWaitingList() {
        return new PostgresWaitingListStore(pool);
    }
}
