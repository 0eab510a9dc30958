package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.testing.CoreFixture;

/** The in-memory store under contention: no lost update, conflicts are typed, a key has one effect. */
class ConcurrencyTest {

    private static final int THREADS = 8;

    private static <T> List<Object> race(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentEdits_noLostUpdate_everyConflictTyped() throws Exception {
        CoreFixture f = new CoreFixture();
        Request draft = f.core.requests()
                .create(f.parentP, NewRequest.of("inscription-cantine", f.child, Channel.WEB, FormData.empty()), null);
        for (int round = 0; round < 20; round++) {
            int r = round;
            List<Object> outcomes = race(() -> f.core.requests()
                    .edit(
                            f.parentP,
                            draft.id(),
                            ActionInput.content(
                                    FormData.of(
                                            "childName",
                                            "n" + r + "-"
                                                    + Thread.currentThread().getId()),
                                    List.of()),
                            null));
            for (Object o : outcomes) {
                assertThat(o).isInstanceOfAny(Request.class, ConcurrentUpdateException.class);
            }
        }
        Request now = f.core.requests().get(f.parentP, draft.id());
        List<HistoryEntry> history = f.core.requests().history(f.parentP, draft.id());
        assertThat(history).hasSize((int) now.version());
        assertThat(history).extracting(HistoryEntry::sequence).doesNotHaveDuplicates();
    }

    @Test
    void concurrentSubmits_exactlyOneWins() throws Exception {
        CoreFixture f = new CoreFixture();
        Request draft = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                                .withPieces(CoreFixture.canteenPieces()),
                        null);
        List<Object> outcomes = race(() -> f.core.requests().submit(f.parentP, draft.id(), null));
        assertThat(outcomes.stream().filter(Request.class::isInstance)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !(o instanceof Request)))
                .allMatch(o -> o instanceof ConcurrentUpdateException || o instanceof IllegalTransitionException);
        assertThat(f.core.requests().history(f.parentP, draft.id())).hasSize(2);
    }

    private static int concurrentCreatesWithOneKey(UnaryOperator<RequestStore> store) throws Exception {
        CoreFixture f = new CoreFixture("ville-test", store.apply(RequestStore.inMemory()));
        IdempotencyKey key = IdempotencyKey.of("create-race-0001");
        List<Object> outcomes = race(() -> f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("certificat-residence", f.parent, Channel.WEB, FormData.empty()),
                        key));
        for (Object o : outcomes) {
            assertThat(o).isInstanceOfAny(Request.class, GruException.class);
        }
        return f.core.requests().list(f.parentP, RequestQuery.of(Set.of(), 100)).size();
    }

    @Test
    void concurrentRetriesWithOneKey_createOneRequest() throws Exception {
        assertThat(concurrentCreatesWithOneKey(UnaryOperator.identity())).isEqualTo(1);
    }

    @Test
    void brokenVariant_storeDroppingIdempotencyKeys_isCaught() {
        UnaryOperator<RequestStore> forgetful = s -> new ForwardingRequestStore(s) {
            @Override
            public Outcome apply(RequestChange c) {
                return super.apply(new RequestChange(c.request(), c.expectedVersion(), c.history(), c.events(), null));
            }
        };
        assertThatThrownBy(
                        () -> assertThat(concurrentCreatesWithOneKey(forgetful)).isEqualTo(1))
                .isInstanceOf(AssertionError.class);
    }
}
