package org.opengru.test.core;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.Outbox;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresOutboxContractTest extends OutboxContract {

    private final PostgresDatabase db;

    PostgresOutboxContractTest(PostgresDatabase db) {
        this.db = db;
        PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build().migrate();
    }

    @Override
    protected void resetStorage() {
        db.execute("TRUNCATE gru_outbox, gru_outbox_stream");
    }

    @Override
    protected Outbox newOutbox(Clock clock, Set<String> subscribers) {
        return PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(subscribers)
                .build()
                .outbox();
    }
}
