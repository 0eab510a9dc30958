package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.reservation.ReservationContract.TENANT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.principal.Principal;
import org.opengru.scheduling.hold.TrailCheck;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;
import org.opengru.test.scheduling.SchedulingFixture;

/** The registration contract on PostgreSQL; the second node has its own connections. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresRegistrationTest extends RegistrationContract {

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
    protected RegistrationStore newStore() {
        ItemLogFixture.truncate(db, "scheduling_registration, scheduling_event_session");
        return new PostgresRegistrationStore(nodes.a());
    }

    @Override
    protected RegistrationStore secondNode() {
        return new PostgresRegistrationStore(nodes.b());
    }

    /**
     * The trail is the item log (scheduling V11): a promotion from the waiting list is chained on the promoted
     * registration's own log, and an edited entry shows.
     */
    @Test
    void promotedAndCancelledRegistrationsKeepVerifiableTrails() throws Exception {
        service.declare(camp(WEEK_2, 1, 0));
        Registration first = self(WEEK_2);
        Registration waiting = self(WEEK_2);
        service.cancel(Principal.usager(TENANT, first.participant()), first.id());
        PostgresRegistrationStore postgres = (PostgresRegistrationStore) store;
        assertThat(postgres.verifyTrail(TENANT, first.id()).problem()).isNull();
        TrailCheck promoted = postgres.verifyTrail(TENANT, waiting.id());
        assertThat(promoted.problem()).isNull();
        assertThat(promoted.entries()).isEqualTo(2);
        ItemLogFixture.asOwnerWithoutTrigger(
                db,
                "UPDATE scheduling_item_event SET to_status = 'CANCELLED' WHERE item_type = 'registration'"
                        + " AND item_id = '" + waiting.id() + "' AND position = 1");
        assertThat(postgres.verifyTrail(TENANT, waiting.id()).problem()).contains("event 1 was changed");
    }
}
