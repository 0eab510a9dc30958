package org.opengru.test.core;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.request.RequestStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresRequestStoreContractTest extends RequestStoreContract {

    private final RequestStore store;

    PostgresRequestStoreContractTest(PostgresDatabase db) {
        PostgresPersistence pg = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
        this.store = pg.requestStore();
    }

    @Override
    protected RequestStore store() {
        return store;
    }
}
