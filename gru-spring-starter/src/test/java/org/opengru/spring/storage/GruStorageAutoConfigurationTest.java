package org.opengru.spring.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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

    @Test
    void aDatabaseThatIsNotASupportedPostgresqlFailsTheStartWithTheVersionFoundAndNeeded() {
        runner.withBean(DataSource.class, () -> reporting("PostgreSQL", "14.12", 14))
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis =
                            new UnsupportedDatabaseFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .contains("PostgreSQL 14.12")
                            .contains("PostgreSQL 15 or newer");
                    assertThat(analysis.getAction())
                            .contains("spring.datasource.url")
                            .contains("gru.storage=memory");
                });
        runner.withBean(DataSource.class, () -> reporting("MySQL", "8.0.36", 8)).run(context -> {
            FailureAnalysis analysis = new UnsupportedDatabaseFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("MySQL 8.0.36");
        });
    }

    /** A DataSource whose connections describe another database and refuse every statement. */
    private static DataSource reporting(String product, String version, int major) {
        DatabaseMetaData meta = proxy(DatabaseMetaData.class, (method, args) -> switch (method) {
            case "getDatabaseProductName" -> product;
            case "getDatabaseProductVersion" -> version;
            case "getDatabaseMajorVersion" -> major;
            default -> throw new SQLException("not expected: " + method);
        });
        Connection connection = proxy(Connection.class, (method, args) -> switch (method) {
            case "getMetaData" -> meta;
            case "close", "setAutoCommit" -> null;
            case "isClosed" -> false;
            default -> throw new SQLException("no statement expected before the version check: " + method);
        });
        return proxy(DataSource.class, (method, args) -> switch (method) {
            case "getConnection" -> connection;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    case "toString" -> type.getSimpleName() + " of a test";
                    default -> answer.answer(m.getName(), args);
                }));
    }
}
