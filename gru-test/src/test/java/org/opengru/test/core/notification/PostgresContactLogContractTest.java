package org.opengru.test.core.notification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresContactLogContractTest extends ContactLogContract {

    private final PostgresDatabase db;
    private final JdbcTransactions tx;

    PostgresContactLogContractTest(PostgresDatabase db) {
        this.db = db;
        this.tx = ChannelPostgres.migrate(db);
    }

    @Override
    protected ContactLog newLog() {
        db.execute("TRUNCATE gru_contact CASCADE");
        return ContactLog.postgres(tx);
    }
}
