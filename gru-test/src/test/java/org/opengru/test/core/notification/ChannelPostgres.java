package org.opengru.test.core.notification;

import java.time.Clock;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.notification.ChannelMigrations;
import org.opengru.test.postgres.PostgresDatabase;

/** Migrates a test database with the core and channel scripts. */
final class ChannelPostgres {

    private ChannelPostgres() {}

    static JdbcTransactions migrate(PostgresDatabase db) {
        PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build().migrate();
        ChannelMigrations.migrations().migrate(db.dataSource());
        return JdbcTransactions.of(db.dataSource());
    }
}
