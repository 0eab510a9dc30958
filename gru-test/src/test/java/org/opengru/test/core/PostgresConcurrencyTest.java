package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.ForwardingRequestStore;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Eight threads on two independent data sources (two application nodes) increment a counter in the
 * form data of the same few requests, re-reading and retrying on conflicts. Every successful change
 * must be visible in the end (no lost update) and every refusal must be a {@link
 * ConcurrentUpdateException}.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresConcurrencyTest {

    private static final int THREADS = 8;
    private static final int REQUESTS = 3;
    private static final int INCREMENTS_PER_THREAD = 12;

    private final PostgresDatabase db;

    PostgresConcurrencyTest(PostgresDatabase db) {
        this.db = db;
        node(db.dataSource()).migrate();
    }

    private static PostgresPersistence node(DataSource ds) {
        return PostgresPersistence.builder(ds, Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
    }

    private record Result(Map<RequestId, AtomicInteger> successes, AtomicInteger conflicts, List<Throwable> others) {}

    private Result hammer(RequestFixtures fixtures, List<Request> requests, RequestStore nodeA, RequestStore nodeB)
            throws Exception {
        Map<RequestId, AtomicInteger> successes = new ConcurrentHashMap<>();
        requests.forEach(r -> successes.put(r.id(), new AtomicInteger()));
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> others = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                RequestStore store = t % 2 == 0 ? nodeA : nodeB;
                ActorRef actor = new ActorRef(ActorKind.AGENT, "agent-" + t);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        Request target = requests.get(i % REQUESTS);
                        while (true) {
                            Request current =
                                    store.find(fixtures.tenant(), target.id()).orElseThrow();
                            BigDecimal count = (BigDecimal) current.data().get("count");
                            FormData next = FormData.of("count", count.intValue() + 1);
                            try {
                                store.apply(fixtures.edit(current, next, actor, Instant.now()));
                                successes.get(target.id()).incrementAndGet();
                                break;
                            } catch (ConcurrentUpdateException e) {
                                conflicts.incrementAndGet();
                            } catch (RuntimeException e) {
                                others.add(e);
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(successes, conflicts, others);
    }

    private List<Request> createRequests(RequestFixtures fixtures, RequestStore store) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request draft = store.apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), Instant.now(), null))
                    .request();
            requests.add(
                    store.apply(fixtures.edit(draft, FormData.of("count", 0), RequestFixtures.AGENT, Instant.now()))
                            .request());
        }
        return requests;
    }

    /** The test's checks, shared with the broken-variant run. */
    private void assertNoLostUpdate(
            RequestFixtures fixtures, PostgresPersistence pg, List<Request> requests, Result result) {
        assertThat(result.others())
                .as("every refusal is a ConcurrentUpdateException")
                .isEmpty();
        for (Request r : requests) {
            Request stored = pg.requestStore().find(fixtures.tenant(), r.id()).orElseThrow();
            int successes = result.successes().get(r.id()).get();
            assertThat(((BigDecimal) stored.data().get("count")).intValue())
                    .as("counter of %s equals its successful increments", r.id())
                    .isEqualTo(successes);
            assertThat(stored.version()).isEqualTo(2L + successes);
            List<HistoryEntry> history = pg.requestStore().history(fixtures.tenant(), r.id());
            assertThat(history).hasSize((int) stored.version());
            assertThat(pg.auditTrail().entries(fixtures.tenant(), r.id())).hasSize((int) stored.version());
            assertThat(pg.auditTrail().verify(fixtures.tenant(), r.id()).valid())
                    .isTrue();
            assertThat(pg.outbox().stream("logiciel-metier", fixtures.tenant().value(), "request", r.id().toString()))
                    .hasSize((int) stored.version());
        }
    }

    @Test
    void twoNodesAndEightThreadsNeverLoseAnUpdateAndConflictsAreTyped() throws Exception {
        RequestFixtures fixtures = new RequestFixtures();
        PostgresPersistence nodeA = node(db.dataSource());
        PostgresPersistence nodeB = node(db.newDataSource());
        List<Request> requests = createRequests(fixtures, nodeA.requestStore());

        Result result = hammer(fixtures, requests, nodeA.requestStore(), nodeB.requestStore());

        assertThat(result.conflicts().get()).as("the threads did collide").isPositive();
        assertNoLostUpdate(fixtures, nodeA, requests, result);
        int total = result.successes().values().stream()
                .mapToInt(AtomicInteger::get)
                .sum();
        assertThat(total).isEqualTo(THREADS * INCREMENTS_PER_THREAD);
    }

    /** The same checks fail against a store that re-bases a stale change on the stored version. */
    @Test
    void theChecksCatchAStoreThatLosesUpdates() throws Exception {
        RequestFixtures fixtures = new RequestFixtures();
        PostgresPersistence nodeA = node(db.dataSource());
        PostgresPersistence nodeB = node(db.newDataSource());
        List<Request> requests = createRequests(fixtures, nodeA.requestStore());

        Result result = hammer(
                fixtures, requests, new LastWriterWins(nodeA.requestStore()), new LastWriterWins(nodeB.requestStore()));

        assertThatThrownBy(() -> assertNoLostUpdate(fixtures, nodeA, requests, result))
                .isInstanceOf(AssertionError.class);
    }

    /**
     * Deliberately broken: ignores the caller's expected version and writes its change over whatever is
     * stored (re-numbered so that the real store accepts it), as a store without optimistic locking does.
     */
    private static final class LastWriterWins extends ForwardingRequestStore {

        LastWriterWins(RequestStore delegate) {
            super(delegate);
        }

        @Override
        public Outcome apply(RequestChange change) {
            while (true) {
                Request stored = delegate.find(
                                change.request().tenant(), change.request().id())
                        .orElseThrow();
                Request rebased = change.request().toBuilder()
                        .version(stored.version() + 1)
                        .build();
                HistoryEntry h = change.history().get(0);
                HistoryEntry renumbered = new HistoryEntry(
                        h.requestId(),
                        (int) rebased.version(),
                        h.at(),
                        h.actor(),
                        h.channel(),
                        h.action(),
                        h.from(),
                        h.to(),
                        h.reason(),
                        h.implicit());
                try {
                    return delegate.apply(
                            new RequestChange(rebased, stored.version(), List.of(renumbered), change.events(), null));
                } catch (ConcurrentUpdateException raced) {
                    // try again over the newer version: the caller never hears of the conflict
                }
            }
        }
    }
}
