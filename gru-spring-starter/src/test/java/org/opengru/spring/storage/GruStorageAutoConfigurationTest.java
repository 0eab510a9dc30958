package org.opengru.spring.storage;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(EmbeddedPostgresExtension.class)
class GruStorageAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GruStorageAutoConfiguration.class));

    @Test
    void withoutADataSourceDataStaysInMemory() {
        runner.run(context -> {
            assertThat(context.getBean(GruStorage.class).kind()).isEqualTo(GruStorage.Kind.MEMORY);
            assertThat(context).doesNotHaveBean(GruMigrations.class);
        });
    }

    @Test
    void withADataSourceDataGoesToPostgresAndMigrationsRun(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource).run(context -> {
            GruStorage storage = context.getBean(GruStorage.class);
            assertThat(storage.kind()).isEqualTo(GruStorage.Kind.JDBC);
            assertThat(context).hasSingleBean(GruMigrations.class);
        });
    }

    @Test
    void memoryCanBeForcedEvenWithADataSource(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=memory")
                .run(context ->
                        assertThat(context.getBean(GruStorage.class).kind()).isEqualTo(GruStorage.Kind.MEMORY));
    }

    @Test
    void withoutFlywayTheMigrationsStillRunWithTheLibrarysRunner(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource)
                .withClassLoader(new FilteredClassLoader("org.flywaydb"))
                .run(context -> {
                    assertThat(context.getBean(GruStorage.class).isJdbc()).isTrue();
                    assertThat(context).hasSingleBean(GruMigrations.class);
                    assertThat(GruMigrationsTest.modulesRecorded(db.dataSource()))
                            .containsExactlyInAnyOrderElementsOf(GruMigrations.MODULES);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnStorage() {
        GruStorage own = GruStorage.memory();
        runner.withBean(GruStorage.class, () -> own)
                .run(context -> assertThat(context.getBean(GruStorage.class)).isSameAs(own));
    }

    @Test
    void jdbcWithoutADataSourceFailsWithAdvice() {
        runner.withPropertyValues("gru.storage=jdbc").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new GruStorageFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("gru.storage=jdbc");
            assertThat(analysis.getAction()).contains("spring.datasource.url").contains("gru.storage=memory");
        });
    }
}
