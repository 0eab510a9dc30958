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
 * PostgreSQL logged. A change that frees no place (a payment, a place taken by a late payment, refused
 * when the session is full or the version stale) is ONE statement in autocommit: the registration row, its
 * event and the session's counter together. A change that frees a place gives it to the first person
 * waiting in the same transaction: its own statement, a read of the waiting list, and one statement per
 * promotion (the promoted row and its event together), then the commit. A registration is counted under
 * the person's lock, which must be held before the statement that counts is started (see {@link
 * #REGISTER_ROUND_TRIPS}). In every change, each item row written carries its event in the same statement.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RegistrationRoundTripsTest extends RegistrationContract {

    /**
     * A registration: the session read with the person's lock taken, then the count, the place and the
     * registration with its event, then the commit.
     */
    static final int REGISTER_ROUND_TRIPS = 1;

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
                            assertThat(call.sent().get(0)).as("%s", call).containsPattern(RoundTripLog.ITEM_WRITE);
                            assertThat(call.commits()).as("%s", call).isEqualTo(1);
                            assertThat(call.sent())
                                    .as("%s", call)
                                    .filteredOn(s ->
                                            RoundTripLog.ITEM_WRITE.matcher(s).find())
                                    .hasSizeLessThanOrEqualTo(2);
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
