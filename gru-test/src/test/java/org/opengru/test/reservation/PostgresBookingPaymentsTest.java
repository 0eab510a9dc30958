package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.hold.TrailCheck;
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
    private PostgresBookingPaymentStore paymentStore;

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
        paymentStore = new PostgresBookingPaymentStore(pool);
        return paymentStore;
    }

    /** The payment's trail is the item log (scheduling V11): chained, its head on the payment row. */
    @Test
    void aPaymentsTrailVerifiesAndACutOneDoesNot() throws Exception {
        UsagerId u = UsagerId.of(UUID.randomUUID());
        Booking hold = ((BookingResult.Booked)
                        payments.holdForPayment(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 11, 0), u)))
                .booking();
        payments.confirmPayment(TENANT, hold.id(), "payfip-op-78");
        TrailCheck check = paymentStore.verifyTrail(TENANT, hold.id());
        assertThat(check.problem()).isNull();
        assertThat(check.entries()).isEqualTo(2);
        ItemLogFixture.asOwnerWithoutTrigger(
                db,
                "DELETE FROM scheduling_item_event WHERE item_type = 'booking_payment' AND item_id = '" + hold.id()
                        + "' AND position = 1");
        assertThat(paymentStore.verifyTrail(TENANT, hold.id()).problem()).contains("trail truncated: 1 entries");
    }
}
