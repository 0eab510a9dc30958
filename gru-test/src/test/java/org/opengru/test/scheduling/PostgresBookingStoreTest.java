package org.opengru.test.scheduling;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
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
        db.execute("TRUNCATE scheduling_booking, scheduling_audit, gru_outbox");
        return new PostgresBookingStore(pool, Set.of("logiciel-metier"));
    }
}
