package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.Migrations;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class MigrationsTest {

    @Test
    void nodesStartingTogetherApplyEachScriptOnceAndAnEditedScriptIsRefused(PostgresDatabase db) throws Exception {
        Migrations core = Migrations.core();
        assertThat(core.scripts())
                .extracting(Migrations.Script::version)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        int applied = 0;
        try {
            List<Future<Integer>> nodes = List.of(
                    pool.submit(() -> core.migrate(db.dataSource())),
                    pool.submit(() -> core.migrate(db.newDataSource())),
                    pool.submit(() -> core.migrate(db.newDataSource())));
            for (Future<Integer> node : nodes) {
                applied += node.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(applied).isEqualTo(core.scripts().size());
        assertThat(core.migrate(db.dataSource())).isZero();

        db.execute("UPDATE gru_schema_history SET checksum = 'edited' WHERE module = 'core' AND version = 2");
        assertThatThrownBy(() -> core.migrate(db.dataSource()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V2__requests.sql changed after it was applied");
    }
}
