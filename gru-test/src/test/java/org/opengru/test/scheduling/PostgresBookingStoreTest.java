package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.scheduling.booking.AuditCheck;
import org.opengru.scheduling.booking.Booking;
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

    @Test
    void aTruncatedOrDeletedAuditTrailIsDetected() {
        UsagerId u = newUsager();
        Booking b = booked(service.book(passport(at(1, 10, 0), u)));
        booked(service.reschedule(SchedulingFixture.DESK_AGENT, b.id(), at(2, 11, 0)));
        clock.set(at(2, 12, 0));
        service.markAttended(SchedulingFixture.DESK_AGENT, b.id());
        assertThat(store.verifyAudit(TENANT, b.id()).valid()).isTrue();

        db.execute("DELETE FROM scheduling_audit WHERE booking_id = '" + b.id() + "' AND id = (SELECT max(id)"
                + " FROM scheduling_audit WHERE booking_id = '" + b.id() + "')");
        AuditCheck truncated = store.verifyAudit(TENANT, b.id());
        assertThat(truncated.valid()).isFalse();
        assertThat(truncated.problem()).contains("truncated").contains("records 3");
        assertThat(store.audit(TENANT, b.id()))
                .as("what is left reads as a plausible trail")
                .hasSize(2);

        db.execute("DELETE FROM scheduling_audit WHERE booking_id = '" + b.id() + "'");
        assertThat(store.verifyAudit(TENANT, b.id()).problem()).contains("trail deleted");
    }
}
