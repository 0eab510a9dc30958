package org.opengru.test.reservation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
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
}
