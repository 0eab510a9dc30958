package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.Migrations;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Item 3 of issue 19: several nodes starting together on one fresh database, each migrating every module
 * in order on its own connections, round after round on a new database each time. Every node succeeds and
 * each script is applied once, for every module.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ConcurrentMigrationsTest {

    private static final int NODES = 4;
    private static final int ROUNDS = 6;

    @Test
    void nodesStartingTogetherOnAFreshDatabaseAllSucceedAndApplyEachScriptOnce(PostgresDatabase server)
            throws Exception {
        List<Migrations> modules = AllModules.migrations();
        int scripts = modules.stream().mapToInt(m -> m.scripts().size()).sum();
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                PostgresDatabase db = freshDatabase(server, round);
                CyclicBarrier start = new CyclicBarrier(NODES);
                List<Future<Integer>> nodes = new ArrayList<>();
                for (int n = 0; n < NODES; n++) {
                    nodes.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        int applied = 0;
                        for (Migrations module : modules) {
                            applied += module.migrate(db.newDataSource());
                        }
                        return applied;
                    }));
                }
                int applied = 0;
                for (Future<Integer> node : nodes) {
                    applied += node.get(120, TimeUnit.SECONDS); // a failed node throws here
                }
                assertThat(applied).as("scripts applied in round %d", round).isEqualTo(scripts);
                for (Migrations module : modules) {
                    assertThat(recordedVersions(db, module.module()))
                            .as("history of %s in round %d", module.module(), round)
                            .containsExactlyElementsOf(module.scripts().stream()
                                    .map(Migrations.Script::version)
                                    .toList());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new, empty database on the same server. */
    static PostgresDatabase freshDatabase(PostgresDatabase server, int round) {
        String name = server.databaseName() + "_fresh_" + round + "_" + System.nanoTime();
        server.execute("CREATE DATABASE \"" + name + "\"");
        return new PostgresDatabase(server.host(), server.port(), name, server.user());
    }

    static List<Integer> recordedVersions(PostgresDatabase db, String module) throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT version FROM gru_schema_history WHERE module = ? ORDER BY version")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
        }
        return versions;
    }
}
