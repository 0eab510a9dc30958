package org.opengru.payments.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.Migrations;
import org.opengru.payments.PaymentStore;
import org.opengru.payments.PaymentStoreContract;
import org.opengru.test.postgres.EmbeddedPostgresExtension;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresPaymentStoreTest extends PaymentStoreContract {

    private final DataSource dataSource;
    private final PostgresPaymentStore store;

    PostgresPaymentStoreTest(DataSource dataSource) {
        this.dataSource = dataSource;
        // tag::migrate[]
        Migrations.core().migrate(dataSource);
        PaymentsSchema.migrate(dataSource);
        // end::migrate[]
        this.store = new PostgresPaymentStore(JdbcTransactions.of(dataSource));
    }

    @Override
    protected PaymentStore store() {
        return store;
    }

    @Test
    void migrationsAreInTheJarAndRunOnce() {
        assertThat(PaymentsSchema.migrate(dataSource)).isZero();
        assertThat(PaymentsSchema.migrations()).isNotNull();
    }
}
