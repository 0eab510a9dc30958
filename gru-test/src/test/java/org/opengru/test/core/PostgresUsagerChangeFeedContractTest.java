package org.opengru.test.core;

import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.GruCore;
import org.opengru.core.changes.UsagerChangeFeed;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The change feed over the request event log, written by the PostgreSQL stores. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresUsagerChangeFeedContractTest extends UsagerChangeFeedContract {

    private final PostgresDatabase db;
    private final PostgresPersistence pg;

    PostgresUsagerChangeFeedContractTest(PostgresDatabase db) {
        this.db = db;
        pg = PostgresPersistence.builder(db.dataSource(), clock).build();
        pg.migrate();
    }

    @Override
    protected GruCore core() {
        return GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .exchangeStore(pg.exchangeStore())
                .procedureStore(pg.procedureStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .teamDirectory(pg.teamDirectory())
                .referenceSequence(pg.referenceSequence())
                .build();
    }

    @Override
    protected UsagerChangeFeed feed(GruCore core) {
        return UsagerChangeFeed.postgres(JdbcTransactions.of(db.dataSource()));
    }
}
