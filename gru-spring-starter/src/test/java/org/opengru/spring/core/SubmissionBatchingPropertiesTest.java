package org.opengru.spring.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.internal.PostgresRequestStore;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStore;
import org.opengru.core.usager.UsagerStore;
import org.opengru.spring.TestTenant;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code gru.submission-batching.*} reaches the PostgreSQL request store; a bad value stops the start. */
@ExtendWith(EmbeddedPostgresExtension.class)
class SubmissionBatchingPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GruStorageAutoConfiguration.class, GruCoreAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void offByDefaultAndOnWhenSet(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource).run(context -> {
            assertThat(context).hasNotFailed();
            TestTenant.submitToDecision(context.getBean(RequestService.class), context.getBean(UsagerStore.class));
            // No combiner: its statement count stays at zero.
            assertThat(((PostgresRequestStore) context.getBean(RequestStore.class)).submissionStatements())
                    .containsExactly(0, 0);
        });
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.submission-batching.max-batch=16", "gru.submission-batching.in-flight=2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TestTenant.submitToDecision(
                            context.getBean(RequestService.class), context.getBean(UsagerStore.class));
                    // A lone filing goes through the combiner, written at once in a statement of its own.
                    assertThat(((PostgresRequestStore) context.getBean(RequestStore.class)).submissionStatements())
                            .containsExactly(1, 1);
                });
    }

    @Test
    void aBatchBoundBelowOneStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("gru.submission-batching.max-batch=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("submissionBatching.maxBatch"));
    }
}
