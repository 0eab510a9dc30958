package org.opengru.test.core.notification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresNotificationPreferenceStoreContractTest extends NotificationPreferenceStoreContract {

    private final PostgresDatabase db;
    private final JdbcTransactions tx;

    PostgresNotificationPreferenceStoreContractTest(PostgresDatabase db) {
        this.db = db;
        this.tx = ChannelPostgres.migrate(db);
    }

    @Override
    protected NotificationPreferenceStore newStore() {
        db.execute("TRUNCATE gru_notification_preferences CASCADE");
        return NotificationPreferenceStore.postgres(tx);
    }
}
