package org.opengru.test.core.notification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.NotificationStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresNotificationStoreContractTest extends NotificationStoreContract {

    private final PostgresDatabase db;
    private final JdbcTransactions tx;

    PostgresNotificationStoreContractTest(PostgresDatabase db) {
        this.db = db;
        this.tx = ChannelPostgres.migrate(db);
    }

    @Override
    protected NotificationStore newStore() {
        db.execute("TRUNCATE gru_notification CASCADE");
        return NotificationStore.postgres(tx);
    }
}
