package org.opengru.test.core.notification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresSatisfactionStoreContractTest extends SatisfactionStoreContract {

    private final PostgresDatabase db;
    private final JdbcTransactions tx;

    PostgresSatisfactionStoreContractTest(PostgresDatabase db) {
        this.db = db;
        this.tx = ChannelPostgres.migrate(db);
    }

    @Override
    protected SatisfactionStore newStore() {
        db.execute("TRUNCATE gru_survey_response, gru_survey_invitation CASCADE");
        return SatisfactionStore.postgres(tx);
    }
}
