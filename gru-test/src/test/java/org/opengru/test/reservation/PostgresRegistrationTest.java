package org.opengru.test.reservation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.SmallPool;

/** The registration contract on PostgreSQL; the second node has its own connections. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresRegistrationTest extends RegistrationContract {

    private static PostgresDatabase db;
    private static SmallPool nodeA;
    private static SmallPool nodeB;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        nodeA = new SmallPool(db.dataSource(), 8);
        nodeB = new SmallPool(db.newDataSource(), 8);
    }

    @AfterAll
    static void close() {
        nodeA.close();
        nodeB.close();
    }

    @Override
    protected RegistrationStore newStore() {
        db.execute("TRUNCATE scheduling_registration, scheduling_event_session, scheduling_item_trail");
        return new PostgresRegistrationStore(nodeA);
    }

    @Override
    protected RegistrationStore secondNode() {
        return new PostgresRegistrationStore(nodeB);
    }
}
