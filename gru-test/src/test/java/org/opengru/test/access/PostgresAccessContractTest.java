package org.opengru.test.access;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SmallPool;

/** The access contract over the PostgreSQL adapters of every store. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresAccessContractTest extends AccessContract {

    private static PostgresDatabase db;
    private static SmallPool pool;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws java.sql.SQLException {
        db = database;
        PostgresPersistence.builder(db.dataSource(), java.time.Clock.systemUTC())
                .build()
                .migrate();
        DocumentStore.migrations().migrate(db.dataSource());
        SchedulingSchema.migrate(db.dataSource());
        pool = new SmallPool(db.dataSource(), 8); // a connection per query would take minutes
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected Stores newStores(MutableClock clock) {
        // Each test books the same slots for its own Alice.
        db.execute("TRUNCATE scheduling_booking");
        PostgresPersistence pg = PostgresPersistence.builder(pool, clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        return new Stores(
                pg.requestStore(),
                pg.exchangeStore(),
                pg.usagerStore(),
                pg.mandateStore(),
                pg.teamDirectory(),
                pg.procedureStore(),
                pg.referenceSequence(),
                ContactLog.postgres(pg.transactions()),
                SatisfactionStore.postgres(pg.transactions()),
                DocumentStore.postgres(pool),
                new PostgresBookingStore(pool, Set.of("logiciel-metier")));
    }
}
