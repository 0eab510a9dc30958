package org.opengru.test.core.notification;

import java.time.Clock;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.test.postgres.PostgresDatabase;

/** Migrates a test database with the core scripts (the channels' tables are V5 and V6). */
final class ChannelPostgres {

    private ChannelPostgres() {}

    static JdbcTransactions migrate(PostgresDatabase db) {
        PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build().migrate();
        return JdbcTransactions.of(db.dataSource());
    }
}
