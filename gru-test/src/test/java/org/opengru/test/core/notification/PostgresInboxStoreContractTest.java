package org.opengru.test.core.notification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresInboxStoreContractTest extends InboxStoreContract {

    private final PostgresDatabase db;
    private final JdbcTransactions tx;

    PostgresInboxStoreContractTest(PostgresDatabase db) {
        this.db = db;
        this.tx = ChannelPostgres.migrate(db);
    }

    @Override
    protected InboxStore newStore() {
        db.execute("TRUNCATE gru_inbox CASCADE");
        return InboxStore.postgres(tx);
    }
}
