package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.jdbc.ConnectionLostException;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.jdbc.internal.PostgresRequestStore;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestStore;
import org.opengru.test.net.FaultInjectingProxy;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Group commit of new requests ({@link PostgresPersistence.Builder#submissionBatching}): concurrent filings
 * share one statement and one commit, and each caller's outcome is the one it gets alone. Each test lines
 * the callers up the same way: the store writes one batch at a time; a first filing is written and its
 * writer held (its connection's {@code close} waits on a latch) while the others queue; released, the next
 * writer takes every queued request in one batch.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresSubmissionBatchingTest {

    private static final String INSERT = "WITH req AS (INSERT INTO gru_request";

    private final PostgresDatabase db;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    /** Set once the first connection's writer has its reply and is held. */
    private final java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();
    /** Statements that file new requests: each is autocommitted, so one commit each. */
    private final AtomicInteger filingStatements = new AtomicInteger();

    PostgresSubmissionBatchingTest(PostgresDatabase db) {
        this.db = db;
        PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build().migrate();
    }

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    /**
     * A data source that counts the statements filing requests and holds the first connection's {@code
     * close} until {@link #release}.
     */
    private DataSource gated(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection c = (Connection) result;
                    boolean first = connections.incrementAndGet() == 1;
                    return Proxy.newProxyInstance(
                            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && ((String) a[0]).startsWith(INSERT)) {
                                    filingStatements.incrementAndGet();
                                }
                                if (m.getName().equals("close") && first) {
                                    holding.set(true);
                                    release.await(30, TimeUnit.SECONDS);
                                }
                                return invoke(c, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private PostgresPersistence store(DataSource ds) {
        return PostgresPersistence.builder(ds, Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .submissionBatching(16, 1)
                .build();
    }

    /**
     * Files {@code first} (its writer then held), queues {@code others} behind it, releases the writer and
     * returns each of the others' result: its outcome or its exception.
     */
    private List<Object> lineUp(PostgresPersistence pg, RequestChange first, List<RequestChange> others)
            throws Exception {
        return lineUp(pg, first, others, () -> {});
    }

    /** The same, running {@code beforeRelease} once the others are queued and the first writer is held. */
    private List<Object> lineUp(
            PostgresPersistence pg, RequestChange first, List<RequestChange> others, Runnable beforeRelease)
            throws Exception {
        RequestStore store = pg.requestStore();
        Future<RequestStore.Outcome> held = threads.submit(() -> store.apply(first));
        while (!holding.get()) {
            Thread.sleep(5);
        }
        List<Future<RequestStore.Outcome>> queued = new ArrayList<>();
        for (RequestChange change : others) {
            queued.add(threads.submit(() -> store.apply(change)));
        }
        PostgresRequestStore requests = (PostgresRequestStore) store;
        while (requests.submissionsQueued() < others.size()) {
            Thread.sleep(5);
        }
        beforeRelease.run();
        release.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS).replayed()).isFalse();
        List<Object> results = new ArrayList<>();
        for (Future<RequestStore.Outcome> f : queued) {
            try {
                results.add(f.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                results.add(e.getCause());
            }
        }
        return results;
    }

    private long count(String sql, String tenant) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static IdempotencyKey key() {
        return IdempotencyKey.of("file-" + UUID.randomUUID());
    }

    private static UsagerId someone() {
        return UsagerId.of(UUID.randomUUID());
    }

    @Test
    void concurrentFilingsShareOneStatementAndOneCommitAndEachIsWholeOnItsOwn() throws Exception {
        PostgresPersistence pg = store(gated(db.dataSource()));
        RequestFixtures fixtures = new RequestFixtures();
        List<RequestChange> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // At the microsecond, as PostgreSQL keeps it, so that the history read back compares whole.
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            others.add(fixtures.draft(someone(), at, i % 2 == 0 ? key() : null));
        }

        List<Object> results = lineUp(pg, fixtures.draft(someone(), Instant.now(), key()), others);

        assertThat(results)
                .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(RequestStore.Outcome.class, o -> {
                    assertThat(o.replayed()).isFalse();
                }));
        // Seven requests, two statements (so two commits): the held one alone, then the six together.
        assertThat(filingStatements.get()).isEqualTo(2);
        assertThat(((PostgresRequestStore) pg.requestStore()).submissionStatements())
                .containsExactly(2, 7);
        String tenant = fixtures.tenant().value();
        assertThat(count("SELECT count(*) FROM gru_request WHERE tenant_id = ?", tenant))
                .isEqualTo(7);
        assertThat(count("SELECT count(DISTINCT tx) FROM gru_request_event WHERE tenant_id = ?", tenant))
                .as("transactions")
                .isEqualTo(2);
        for (RequestChange change : others) {
            var id = change.request().id();
            // The batched rows are the ones a lone filing writes: the document, the history, the chain.
            assertThat(pg.requestStore().find(fixtures.tenant(), id)).contains(change.request());
            assertThat(pg.requestStore().history(fixtures.tenant(), id)).isEqualTo(change.history());
            assertThat(pg.auditTrail().verify(fixtures.tenant(), id).valid()).isTrue();
            assertThat(pg.auditTrail().entries(fixtures.tenant(), id)).hasSize(1);
            if (change.idempotency() != null) {
                assertThat(pg.requestStore()
                                .idempotency(
                                        fixtures.tenant(), change.idempotency().key()))
                        .hasValueSatisfying(rec -> assertThat(rec.requestId()).isEqualTo(id));
            }
        }
        assertThat(count(
                        "SELECT count(*) FROM gru_request_event e, json_array_elements(e.payload -> 'events')"
                                + " WHERE e.tenant_id = ?",
                        tenant))
                .as("webhook events")
                .isEqualTo(7);
    }

    @Test
    void aReusedKeyInABatchIsReplayedAndTheOthersAreFiled() throws Exception {
        PostgresPersistence pg = store(gated(db.dataSource()));
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = someone();
        IdempotencyKey reused = key();
        RequestStore.Outcome earlier =
                store(db.dataSource()).requestStore().apply(fixtures.draft(applicant, Instant.now(), reused));
        List<RequestChange> others = List.of(
                fixtures.draft(someone(), Instant.now(), key()),
                fixtures.draft(applicant, Instant.now(), reused),
                fixtures.draft(someone(), Instant.now(), key()));

        List<Object> results = lineUp(pg, fixtures.draft(someone(), Instant.now(), key()), others);

        assertThat(results.get(1)).isInstanceOfSatisfying(RequestStore.Outcome.class, o -> {
            assertThat(o.replayed()).isTrue();
            assertThat(o.request().id()).isEqualTo(earlier.request().id());
        });
        for (int i : new int[] {0, 2}) {
            assertThat(results.get(i)).isInstanceOfSatisfying(RequestStore.Outcome.class, o -> {
                assertThat(o.replayed()).isFalse();
            });
        }
        assertThat(count(
                        "SELECT count(*) FROM gru_request WHERE tenant_id = ?",
                        fixtures.tenant().value()))
                .isEqualTo(4);
    }

    @Test
    void twinsOfOneCommandInOneBatchFileOnceAndTheTwinReplays() throws Exception {
        PostgresPersistence pg = store(gated(db.dataSource()));
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = someone();
        IdempotencyKey twice = key();
        // A retry that overtook its first attempt: the same command twice in one batch.
        List<RequestChange> others = List.of(
                fixtures.draft(applicant, Instant.now(), twice),
                fixtures.draft(someone(), Instant.now(), key()),
                fixtures.draft(applicant, Instant.now(), twice));

        List<Object> results = lineUp(pg, fixtures.draft(someone(), Instant.now(), key()), others);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(RequestStore.Outcome.class));
        RequestStore.Outcome first = (RequestStore.Outcome) results.get(0);
        RequestStore.Outcome twin = (RequestStore.Outcome) results.get(2);
        assertThat(List.of(first.replayed(), twin.replayed())).containsExactlyInAnyOrder(true, false);
        assertThat(twin.request().id()).isEqualTo(first.request().id());
        assertThat(count(
                        "SELECT count(*) FROM gru_request WHERE tenant_id = ?",
                        fixtures.tenant().value()))
                .isEqualTo(3);
    }

    @Test
    void aTakenReferenceInABatchIsRefusedAndTheOthersAreFiled() throws Exception {
        PostgresPersistence pg = store(gated(db.dataSource()));
        RequestFixtures fixtures = new RequestFixtures();
        // Another generator of the same collectivité from the same start: its first reference is taken.
        RequestFixtures sameReferences = new RequestFixtures(fixtures.tenant());
        RequestChange first = fixtures.draft(someone(), Instant.now(), key());
        List<RequestChange> others = List.of(
                sameReferences.draft(someone(), Instant.now(), key()),
                fixtures.draft(someone(), Instant.now(), key()),
                fixtures.draft(someone(), Instant.now(), null));
        assertThat(others.get(0).request().reference())
                .isEqualTo(first.request().reference());

        List<Object> results = lineUp(pg, first, others);

        assertThat(results.get(0))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("reference"));
        assertThat(results.subList(1, 3)).allSatisfy(r -> assertThat(r).isInstanceOf(RequestStore.Outcome.class));
        assertThat(count(
                        "SELECT count(*) FROM gru_request WHERE tenant_id = ?",
                        fixtures.tenant().value()))
                .isEqualTo(3);
    }

    @Test
    void aConnectionCutWhileABatchCommitsGivesEachCallerTheLossAndEachRetryReplays() throws Exception {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(db.host(), db.port())) {
            PostgresPersistence pg = store(gated(db.dataSourceVia(proxy.host(), proxy.port())));
            RequestFixtures fixtures = new RequestFixtures();
            List<UsagerId> applicants = List.of(someone(), someone(), someone());
            List<IdempotencyKey> keys = List.of(key(), key(), key());
            List<RequestChange> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(fixtures.draft(applicants.get(i), Instant.now(), keys.get(i)));
            }
            // The held filing has its reply; the batch's commit happens, its reply is lost.
            List<Object> results = lineUp(
                    pg,
                    fixtures.draft(someone(), Instant.now(), key()),
                    others,
                    () -> proxy.cutBeforeServerReplies("SELECT 1\u0000"));

            assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(ConnectionLostException.class));
            assertThat(proxy.faultsFired()).isEqualTo(1);
            // Each caller retries its command as a service does (a new id and reference, the same key).
            for (int i = 0; i < 3; i++) {
                RequestStore.Outcome retried =
                        pg.requestStore().apply(fixtures.draft(applicants.get(i), Instant.now(), keys.get(i)));
                assertThat(retried.replayed()).as("the batch had committed").isTrue();
                assertThat(retried.request().id())
                        .isEqualTo(others.get(i).request().id());
            }
            assertThat(count(
                            "SELECT count(*) FROM gru_request WHERE tenant_id = ?",
                            fixtures.tenant().value()))
                    .isEqualTo(4);
        }
    }

    @Test
    void aCallerInterruptedWhileQueuedLeavesWithNothingWrittenAndTheOthersAreFiled() throws Exception {
        PostgresPersistence pg = store(gated(db.dataSource()));
        RequestFixtures fixtures = new RequestFixtures();
        RequestStore store = pg.requestStore();
        PostgresRequestStore requests = (PostgresRequestStore) store;
        Future<RequestStore.Outcome> held =
                threads.submit(() -> store.apply(fixtures.draft(someone(), Instant.now(), key())));
        while (connections.get() == 0) {
            Thread.sleep(5);
        }
        RequestChange interrupted = fixtures.draft(someone(), Instant.now(), key());
        RequestChange other = fixtures.draft(someone(), Instant.now(), key());
        AtomicReference<Thread> waiter = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Future<RequestStore.Outcome> cut = threads.submit(() -> {
            waiter.set(Thread.currentThread());
            try {
                return store.apply(interrupted);
            } finally {
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        Future<RequestStore.Outcome> kept = threads.submit(() -> store.apply(other));
        while (requests.submissionsQueued() < 2) {
            Thread.sleep(5);
        }
        waiter.get().interrupt();

        assertThatThrownBy(() -> cut.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("nothing was written");
        assertThat(flagKept.get()).as("interrupt status kept").isTrue();
        assertThat(requests.submissionsQueued()).isEqualTo(1);
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        assertThat(kept.get(30, TimeUnit.SECONDS).replayed()).isFalse();
        assertThat(store.find(fixtures.tenant(), interrupted.request().id())).isEmpty();
        assertThat(store.find(fixtures.tenant(), other.request().id())).isPresent();
    }

    @Test
    void batchingIsASettingThatOneTurnsOff() throws Exception {
        assertThatThrownBy(() -> PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                        .submissionBatching(0, 2))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("submissionBatching.maxBatch");
        assertThatThrownBy(() -> PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                        .submissionBatching(8, 0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("submissionBatching.inFlight");
        PostgresPersistence off = PostgresPersistence.builder(gated(db.dataSource()), Clock.systemUTC())
                .submissionBatching(1, 1)
                .build();
        RequestFixtures fixtures = new RequestFixtures();
        release.countDown();
        off.requestStore().apply(fixtures.draft(someone(), Instant.now(), key()));
        assertThat(((PostgresRequestStore) off.requestStore()).submissionStatements())
                .containsExactly(0, 0);
        assertThat(filingStatements.get()).isEqualTo(1);
    }
}
