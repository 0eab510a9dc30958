package org.opengru.franceconnect.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link LoginFlowStore} adapter must do; one subclass per adapter. */
abstract class LoginFlowStoreContract {
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    /** The store as seen by node A. */
    abstract LoginFlowStore store();

    /** The same store as seen by another node (another connection pool); the same instance in memory. */
    abstract LoginFlowStore otherNode();

    static PendingLogin login(String tenant, String state) {
        return new PendingLogin(
                tenant,
                state,
                "nonce-" + state,
                "verifier-" + state,
                "eidas1",
                "/back",
                NOW,
                NOW.plus(Duration.ofMinutes(10)),
                "binding-hash-" + state);
    }

    @Test
    void a_saved_login_is_consumed_once_with_all_its_fields() {
        PendingLogin saved = login("t1", "state-a");
        store().save(saved);
        assertThat(otherNode().consume("t1", "state-a")).contains(saved);
        assertThat(store().consume("t1", "state-a")).isEmpty();
        assertThat(otherNode().consume("t1", "state-a")).isEmpty();
    }

    @Test
    void a_state_of_another_tenant_is_not_found() {
        store().save(login("t1", "state-b"));
        assertThat(store().consume("t2", "state-b")).isEmpty();
        assertThat(store().consume("t1", "state-b")).isPresent();
    }

    @Test
    void a_login_without_pkce_or_return_address_round_trips() {
        PendingLogin saved =
                new PendingLogin("t1", "state-c", "n", null, "eidas2", null, NOW, NOW.plusSeconds(60), "h");
        store().save(saved);
        assertThat(store().consume("t1", "state-c")).contains(saved);
    }

    @Test
    void concurrent_consumption_from_two_nodes_has_exactly_one_winner() throws Exception {
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < rounds; i++) {
                String state = "race-" + i;
                store().save(login("t1", state));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<PendingLogin>>> results = new ArrayList<>();
                for (int n = 0; n < 4; n++) {
                    LoginFlowStore node = n % 2 == 0 ? store() : otherNode();
                    Callable<Optional<PendingLogin>> call = () -> {
                        go.await();
                        return node.consume("t1", state);
                    };
                    results.add(pool.submit(call));
                }
                go.countDown();
                int winners = 0;
                for (Future<Optional<PendingLogin>> f : results) {
                    winners += f.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("winners for " + state).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_nonce_is_marked_used_once() {
        assertThat(store().markNonceUsed("t1", "nonce-x", NOW.plusSeconds(90))).isTrue();
        assertThat(otherNode().markNonceUsed("t1", "nonce-x", NOW.plusSeconds(90)))
                .isFalse();
        assertThat(store().markNonceUsed("t2", "nonce-x", NOW.plusSeconds(90))).isTrue();
    }

    @Test
    void a_logout_state_is_consumed_once() {
        store().saveLogout("t1", "logout-1", NOW.plusSeconds(600));
        assertThat(otherNode().consumeLogout("t1", "logout-1")).contains(NOW.plusSeconds(600));
        assertThat(store().consumeLogout("t1", "logout-1")).isEmpty();
    }

    @Test
    void purge_forgets_only_what_expired() {
        store().save(new PendingLogin(
                "t9", "old", "n", null, "eidas1", null, NOW.minusSeconds(700), NOW.minusSeconds(100), "h"));
        store().save(login("t9", "fresh"));
        store().markNonceUsed("t9", "old-nonce", NOW.minusSeconds(1));
        store().saveLogout("t9", "old-logout", NOW.minusSeconds(1));
        assertThat(store().purgeExpired(NOW)).isGreaterThanOrEqualTo(3);
        assertThat(store().consume("t9", "old")).isEmpty();
        assertThat(store().consume("t9", "fresh")).isPresent();
        assertThat(store().markNonceUsed("t9", "old-nonce", NOW.plusSeconds(60)))
                .isTrue();
    }
}
