package org.opengru.franceconnect.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.franceconnect.apiparticulier.ratelimit.ApiParticulierRateLimiter;
import org.opengru.franceconnect.apiparticulier.ratelimit.PostgresRateLimiter;
import org.opengru.franceconnect.flow.PostgresLoginFlowStoreTest;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The shared rate limiter: two nodes (two connection pools), many threads each, one spacing. */
@ExtendWith(EmbeddedPostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRateLimiterTest {
    private static final String TOKEN_KEY = "3f1c0c2a9b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";
    private PostgresDatabase db;
    private PostgresRateLimiter nodeA;
    private PostgresRateLimiter nodeB;

    @BeforeAll
    void migrate(PostgresDatabase db) {
        this.db = db;
        db.execute(PostgresLoginFlowStoreTest.migration());
        nodeA = new PostgresRateLimiter(db.dataSource(), ApiParticulierClient.DEFAULT_REQUESTS_PER_SECOND);
        nodeB = new PostgresRateLimiter(db.newDataSource(), ApiParticulierClient.DEFAULT_REQUESTS_PER_SECOND);
    }

    @BeforeEach
    void empty() {
        db.execute("TRUNCATE franceconnect_api_particulier_rate");
    }

    @Test
    void slots_reserved_by_many_threads_on_two_nodes_are_never_closer_than_the_spacing() throws Exception {
        List<Instant> slots = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                PostgresRateLimiter node = t % 2 == 0 ? nodeA : nodeB;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        ApiParticulierRateLimiter.Reservation r = node.reserve(TOKEN_KEY, Duration.ofHours(1));
                        assertThat(r.granted()).isTrue();
                        slots.add(r.at());
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertSpaced(slots, 200);
    }

    @Test
    void a_retry_after_pushes_every_node_and_the_released_callers_leave_one_slot_apart() {
        ApiParticulierRateLimiter.Reservation before = nodeA.reserve(TOKEN_KEY, Duration.ofHours(1));
        nodeB.holdFor(TOKEN_KEY, Duration.ofSeconds(30));
        List<Instant> released = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiParticulierRateLimiter.Reservation r =
                    (i % 2 == 0 ? nodeA : nodeB).reserve(TOKEN_KEY, Duration.ofMinutes(1));
            assertThat(r.granted()).isTrue();
            assertThat(r.at()).isAfterOrEqualTo(before.at().plusSeconds(30));
            released.add(r.at());
        }
        assertSpaced(released, 6);
    }

    @Test
    void a_slot_further_than_the_caller_waits_is_refused_and_reserves_nothing() {
        nodeA.holdFor(TOKEN_KEY, Duration.ofSeconds(30));
        ApiParticulierRateLimiter.Reservation refused = nodeB.reserve(TOKEN_KEY, Duration.ofSeconds(2));
        assertThat(refused.granted()).isFalse();
        assertThat(refused.delay()).isGreaterThan(Duration.ofSeconds(2));
        ApiParticulierRateLimiter.Reservation next = nodeA.reserve(TOKEN_KEY, Duration.ofMinutes(1));
        assertThat(next.granted()).isTrue();
        assertThat(next.at()).isEqualTo(refused.at());
    }

    private static void assertSpaced(List<Instant> slots, int expected) {
        List<Instant> sorted = slots.stream().sorted().toList();
        assertThat(sorted).hasSize(expected).doesNotHaveDuplicates();
        Duration spacing = ApiParticulierRateLimiter.spacingFor(ApiParticulierClient.DEFAULT_REQUESTS_PER_SECOND);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
                    .as("slots %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(spacing);
        }
        // Hence at most 19 in any second.
        for (int i = 0; i + 19 < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i), sorted.get(i + 19)))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }
}
