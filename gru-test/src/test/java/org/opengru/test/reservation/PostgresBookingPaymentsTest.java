package org.opengru.test.reservation;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.postgres.PostgresBookingPaymentStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.SmallPool;

/** Paying appointments on PostgreSQL. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresBookingPaymentsTest extends BookingPaymentsContract {

    private static PostgresDatabase db;
    private static SmallPool pool;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        pool = new SmallPool(db.dataSource(), 8);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected BookingStore newBookingStore() {
        ItemLogFixture.truncate(db, "scheduling_booking_payment, scheduling_booking, gru_outbox");
        return new PostgresBookingStore(pool, Set.of("logiciel-metier"));
    }

    @Override
    protected BookingPaymentStore newPaymentStore() {
        return new PostgresBookingPaymentStore(pool);
    }
}
