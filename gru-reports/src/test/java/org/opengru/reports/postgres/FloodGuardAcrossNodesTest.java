package org.opengru.reports.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.tenancy.TenantId;
import org.opengru.reports.FloodGuard;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.TwoNodes;

/**
 * Issue 24: the flood limit on anonymous reports holds across nodes. Two nodes, each with its own
 * connections and its own guard, take from one origin's allowance at once: together they allow no more
 * than the allowance (a guard per JVM would allow it once per node).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class FloodGuardAcrossNodesTest {

    private static final TenantId TENANT = TenantId.of("ville-a");
    private static final int ALLOWANCE = 5;
    private static final int THREADS_PER_NODE = 3;
    private static final int ATTEMPTS_PER_THREAD = 4;

    private static PostgresDatabase db;
    private static TwoNodes nodes;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        Migrations.core().migrate(db.dataSource());
        ReportsSchema.migrate(db.dataSource());
        nodes = TwoNodes.on(db, THREADS_PER_NODE);
    }

    @AfterAll
    static void close() {
        nodes.close();
    }

    @BeforeEach
    void empty() {
        db.execute("TRUNCATE report_flood_bucket");
    }

    @Test
    void twoNodesRacingOnOneOriginTogetherAllowNoMoreThanTheAllowance() throws Exception {
        FloodGuard nodeA = new PostgresFloodGuard(nodes.a(), ALLOWANCE, Duration.ofHours(1), clock);
        FloodGuard nodeB = new PostgresFloodGuard(nodes.b(), ALLOWANCE, Duration.ofHours(1), clock);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        List<Future<Integer>> allowed = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * THREADS_PER_NODE; i++) {
                FloodGuard node = i % 2 == 0 ? nodeA : nodeB;
                allowed.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int a = 0; a < ATTEMPTS_PER_THREAD; a++) {
                        if (node.tryAcquire(TENANT, "203.0.113.7")) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : allowed) {
                total += f.get();
            }
            assertThat(total).as("reports allowed by both nodes together").isEqualTo(ALLOWANCE);
        } finally {
            pool.shutdownNow();
        }
        assertThat(nodeB.tryAcquire(TENANT, "203.0.113.8")).as("another origin").isTrue();
        assertThat(nodeA.tryAcquire(TenantId.of("ville-b"), "203.0.113.7"))
                .as("the same origin in another collectivité")
                .isTrue();
    }

    @Test
    void theAllowanceRefillsWithTheInjectedClockOnEveryNodeAndNoAddressIsStored() throws Exception {
        PostgresFloodGuard nodeA = new PostgresFloodGuard(nodes.a(), 2, Duration.ofHours(1), clock);
        PostgresFloodGuard nodeB = new PostgresFloodGuard(nodes.b(), 2, Duration.ofHours(1), clock);
        assertThat(nodeA.tryAcquire(TENANT, "198.51.100.9")).isTrue();
        assertThat(nodeB.tryAcquire(TENANT, "198.51.100.9")).isTrue();
        assertThat(nodeA.tryAcquire(TENANT, "198.51.100.9")).isFalse();
        assertThat(nodeB.tryAcquire(TENANT, "198.51.100.9")).isFalse();

        clock.advance(Duration.ofMinutes(30)); // half the period: one report back
        assertThat(nodeB.tryAcquire(TENANT, "198.51.100.9")).isTrue();
        assertThat(nodeA.tryAcquire(TENANT, "198.51.100.9")).isFalse();

        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM report_flood_bucket")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain("198.51.100.9").hasSize(64);
        }
        assertThat(nodeA.removeExpired(100)).as("not full again yet").isZero();
        // Bucket4j stamps a row's expiry with the system's time, not the injected clock: age it by hand.
        db.execute("UPDATE report_flood_bucket SET expires_at = 0");
        assertThat(nodeA.removeExpired(100)).isEqualTo(1);
        assertThat(nodeA.tryAcquire(TENANT, "198.51.100.9")).isTrue();
    }
}
