package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/**
 * Issue 22 item 3: the booking payments' contract again with what each change sends to PostgreSQL logged.
 * Every payment created (a hold), paid, released, refunded or refused as stale is ONE statement in
 * autocommit: the payment row and its event together. Before: item, event, commit.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class BookingPaymentRoundTripsTest extends BookingPaymentsContract {

    private static PostgresDatabase db;
    private static SmallPool pool;
    private static RoundTripLog log;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        RoundTripLog.countItemRowWrites(db);
        pool = new SmallPool(db.dataSource(), 8);
        log = new RoundTripLog(pool);
    }

    @AfterAll
    static void close() throws SQLException {
        try {
            RoundTripLog.assertEachItemRowWrittenOncePerTransaction(db);
            assertThat(log.seen()).as("the kinds of change made").contains("insert", "update");
        } finally {
            pool.close();
        }
    }

    @Override
    protected BookingStore newBookingStore() {
        ItemLogFixture.truncate(db, "scheduling_booking_payment, scheduling_booking, gru_outbox");
        return new PostgresBookingStore(pool, Set.of("logiciel-metier"));
    }

    @Override
    protected BookingPaymentStore newPaymentStore() {
        return log.around(
                BookingPaymentStore.class,
                new PostgresBookingPaymentStore(log.dataSource()),
                Set.of("insert", "update"));
    }

    @AfterEach
    void eachChangeWasOneStatement() {
        RoundTripLog.assertEachChangeIsOneStatement(log.calls());
        log.clear();
    }
}
