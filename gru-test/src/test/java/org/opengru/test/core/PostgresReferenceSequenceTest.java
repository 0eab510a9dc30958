package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.tenancy.TenantId;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** Reference numbers leased in blocks: never repeated across threads and nodes, a gap at worst. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresReferenceSequenceTest {

    private static final TenantId TENANT = TenantId.of("commune-ref");
    private static final long MAX = (1L << 28) - 1;

    private final PostgresDatabase db;

    PostgresReferenceSequenceTest(PostgresDatabase db) {
        this.db = db;
        PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build().migrate();
    }

    @BeforeEach
    void restartTheSequence() {
        db.execute("ALTER SEQUENCE gru_reference_seq RESTART");
    }

    private ReferenceSequence node(boolean second) {
        return PostgresPersistence.builder(second ? db.newDataSource() : db.dataSource(), Clock.systemUTC())
                .build()
                .referenceSequence();
    }

    @Test
    void twoNodesWithFourThreadsEachNeverDrawTheSameNumberAndGoToTheDatabaseOncePerBlock() throws Exception {
        List<ReferenceSequence> nodes = List.of(node(false), node(true));
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> drawn = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                ReferenceSequence node = nodes.get(t % 2);
                drawn.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(node.next(TENANT));
                    }
                    return mine;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : drawn) {
                for (long n : f.get()) {
                    assertThat(all.add(n)).as("number %d drawn twice", n).isTrue();
                    assertThat(n).isBetween(0L, MAX);
                }
            }
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
        // 4,000 numbers in blocks of 32 take 125 draws; a thread that loses a race to install its block
        // costs one more. One draw per number (the old behaviour) would be 4,000.
        assertThat(draws()).isLessThan(threads * perThread / 8);
    }

    @Test
    void aNodeThatStopsLeavesAGapNeverARepeat() {
        ReferenceSequence first = node(false);
        List<Long> before = List.of(first.next(TENANT), first.next(TENANT), first.next(TENANT));
        // The first node stops with 29 numbers of its block unused; the next node starts a new block.
        ReferenceSequence second = node(true);
        long next = second.next(TENANT);
        assertThat(before).containsExactly(0L, 1L, 2L);
        assertThat(next).isEqualTo(32L);
    }

    @Test
    void theLastBlockStopsAtTheSequenceMaximumThenTheSequenceIsExhausted() {
        db.execute("SELECT setval('gru_reference_seq', " + (MAX - 40) + ")");
        ReferenceSequence node = node(false);
        List<Long> last = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            last.add(node.next(TENANT));
        }
        assertThat(last).startsWith(MAX - 8).endsWith(MAX);
        assertThatThrownBy(() -> node.next(TENANT))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("reference number");
    }

    private long draws() throws Exception {
        try (Connection c = db.newDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_value FROM gru_reference_seq")) {
            rs.next();
            return rs.getLong(1) / 32 + 1;
        }
    }
}
