package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * Issue 22 item 3: the whole registration contract again, on two nodes, with what each change sends to
 * PostgreSQL logged. Every change is ONE statement in autocommit. A change that frees no place (a
 * payment, a place taken by a late payment, refused when the session is full or the version stale): the
 * registration row, its event and the session's counter together. A change that frees a place: one call of
 * V13's function, which writes the change, its event and the counter, then reads the waiting list and
 * promotes the first person waiting with their own event, each statement with a fresh snapshot. A
 * registration: one call whose function takes the person's lock before it counts (see {@link
 * #REGISTER_ROUND_TRIPS}). A trigger checks that no item row is written twice in a transaction.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RegistrationRoundTripsTest extends RegistrationContract {

    /**
     * A registration: one statement in autocommit, whose function (V13, VOLATILE) takes the person's lock and
     * counts with a snapshot taken once the lock is held; the place and the registration with its event.
     */
    static final int REGISTER_ROUND_TRIPS = 1;

    /**
     * A change that frees a place: the change, its event and the session's counter, then the waiting list
     * read and the first person waiting promoted with their event, in one call of V13's function.
     */
    static final int FREE_ROUND_TRIPS = 1;

    private static final Set<String> WRITES = Set.of("register", "update", "saveSession");

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
            assertThat(a.seen()).as("the kinds of change made").contains("register", "update", "saveSession");
        } finally {
            nodes.close();
        }
    }

    @Override
    protected RegistrationStore newStore() {
        ItemLogFixture.truncate(db, "scheduling_registration, scheduling_event_session");
        return a.around(RegistrationStore.class, new PostgresRegistrationStore(a.dataSource()), WRITES);
    }

    @Override
    protected RegistrationStore secondNode() {
        return b.around(RegistrationStore.class, new PostgresRegistrationStore(b.dataSource()), WRITES);
    }

    @AfterEach
    void eachChangeWasOneStatementPerItem() {
        for (RoundTripLog log : java.util.List.of(a, b)) {
            for (RoundTripLog.Call call : log.calls()) {
                assertThat(call.apart()).as("%s", call).isEmpty();
                switch (call.method()) {
                    case "update" -> {
                        Registration previous = (Registration) call.args()[0];
                        Registration next = (Registration) call.args()[1];
                        if (previous.status().takesPlace() && !next.status().takesPlace()) {
                            // V13's function: the change, its event, the counter and the promotion.
                            assertThat(call.sent()).as("%s", call).hasSize(FREE_ROUND_TRIPS);
                            assertThat(call.sent().get(0)).as("%s", call).contains("scheduling_registration_free(");
                        } else {
                            assertThat(call.sent()).as("%s", call).hasSize(1);
                        }
                    }
                    case "register" -> {
                        assertThat(call.sent()).as("%s", call).hasSizeLessThanOrEqualTo(REGISTER_ROUND_TRIPS);
                        assertThat(call.sent())
                                .as("%s", call)
                                .filteredOn(
                                        s -> RoundTripLog.ITEM_WRITE.matcher(s).find())
                                .hasSizeLessThanOrEqualTo(1);
                    }
                    default -> {}
                }
            }
            log.clear();
        }
    }
}
