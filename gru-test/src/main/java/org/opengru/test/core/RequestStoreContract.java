package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.request.WorkQueueQuery;
import org.opengru.core.tenancy.TenantId;

/**
 * The contract of the {@link RequestStore} port: atomic changes, optimistic locking, idempotency,
 * tenant isolation and the queries. Extend it with your adapter; tests use a collectivité of their own.
 */
public abstract class RequestStoreContract {

    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** The store under test (may be shared between tests). */
    protected abstract RequestStore store();

    protected final RequestFixtures fixtures = new RequestFixtures();
    protected final UsagerId applicant = UsagerId.of(UUID.randomUUID());

    protected Request created() {
        return store().apply(fixtures.draft(applicant, T0, null)).request();
    }

    @Test
    void storesAndFindsARequestWithItsHistory() {
        RequestChange draft = fixtures.draft(applicant, T0, null);
        RequestStore.Outcome outcome = store().apply(draft);

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.request()).isEqualTo(draft.request());
        assertThat(store().find(fixtures.tenant(), draft.request().id())).contains(draft.request());
        assertThat(store().findByReference(fixtures.tenant(), draft.request().reference()))
                .contains(draft.request());
        assertThat(store().history(fixtures.tenant(), draft.request().id())).containsExactlyElementsOf(draft.history());

        RequestChange submit = fixtures.submit(draft.request(), T0.plusSeconds(60), null);
        store().apply(submit);
        assertThat(store().find(fixtures.tenant(), draft.request().id())).contains(submit.request());
        assertThat(store().history(fixtures.tenant(), draft.request().id()))
                .extracting(HistoryEntry::sequence)
                .containsExactly(1, 2);
    }

    @Test
    void keepsTheBeneficiaryOfARequestFiledOnSomeoneElsesBehalf() {
        UsagerId child = UsagerId.of(UUID.randomUUID());
        RequestChange draft = fixtures.draft(applicant, child, T0, null);
        store().apply(draft);
        RequestChange submit = fixtures.submit(draft.request(), T0.plusSeconds(60), null);
        store().apply(submit);

        Request stored = store().find(fixtures.tenant(), draft.request().id()).orElseThrow();
        assertThat(stored.beneficiary()).isEqualTo(child);
        assertThat(stored.applicant()).isEqualTo(applicant);
        assertThat(stored).isEqualTo(submit.request());
        // Filed by the applicant: it is among the applicant's requests, not the beneficiary's.
        assertThat(store().byApplicants(fixtures.tenant(), Set.of(applicant), RequestQuery.firstPage()))
                .extracting(Request::id)
                .contains(stored.id());
        assertThat(store().byApplicants(fixtures.tenant(), Set.of(child), RequestQuery.firstPage()))
                .isEmpty();
        assertThat(store().byBeneficiaries(fixtures.tenant(), Set.of(child), RequestQuery.firstPage()))
                .containsExactly(stored);
        assertThat(store().byBeneficiaries(fixtures.tenant(), Set.of(applicant), RequestQuery.firstPage()))
                .isEmpty();
        assertThat(store().byBeneficiaries(TenantId.of("autre-commune"), Set.of(child), RequestQuery.firstPage()))
                .isEmpty();
    }

    @Test
    void aStaleVersionIsAConcurrentUpdateAndChangesNothing() {
        Request draft = created();
        store().apply(fixtures.submit(draft, T0.plusSeconds(60), null));
        RequestChange stale = fixtures.move(
                draft, 2, RequestAction.EDIT, RequestStatus.DRAFT, RequestFixtures.AGENT, T0.plusSeconds(61), null);

        assertThatThrownBy(() -> store().apply(stale)).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
            assertThat(e.expectedVersion()).isEqualTo(1);
            assertThat(e.actualVersion()).isEqualTo(2);
            assertThat(e.objectId()).isEqualTo(draft.id().toString());
        });
        assertThat(store().find(fixtures.tenant(), draft.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.SUBMITTED);
        assertThat(store().history(fixtures.tenant(), draft.id())).hasSize(2);
    }

    @Test
    void creatingTheSameRequestTwiceIsAConcurrentUpdate() {
        RequestChange draft = fixtures.draft(applicant, T0, null);
        store().apply(draft);
        assertThatThrownBy(() -> store().apply(draft))
                .isInstanceOfSatisfying(
                        ConcurrentUpdateException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(1));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstOutcomeWithoutASecondEffect() {
        IdempotencyKey key = IdempotencyKey.of("key-" + UUID.randomUUID());
        RequestChange first = fixtures.draft(applicant, T0, key);
        store().apply(first);

        // The retry is computed again by the caller: a new id, same key and fingerprint.
        RequestChange retry = fixtures.draft(applicant, T0.plusSeconds(5), key);
        RequestStore.Outcome outcome = store().apply(retry);

        assertThat(outcome.replayed()).isTrue();
        assertThat(outcome.request()).isEqualTo(first.request());
        assertThat(store().find(fixtures.tenant(), retry.request().id())).isEmpty();
        assertThat(store().byApplicants(fixtures.tenant(), Set.of(applicant), RequestQuery.firstPage()))
                .hasSize(1);
        assertThat(store().idempotency(fixtures.tenant(), key))
                .hasValueSatisfying(
                        r -> assertThat(r.requestId()).isEqualTo(first.request().id()));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherCommandIsRefused() {
        IdempotencyKey key = IdempotencyKey.of("key-" + UUID.randomUUID());
        Request draft = store().apply(fixtures.draft(applicant, T0, key)).request();
        RequestChange other = fixtures.submit(draft, T0.plusSeconds(60), key);

        assertThatThrownBy(() -> store().apply(other)).isInstanceOf(IdempotencyConflictException.class);
        assertThat(store().find(fixtures.tenant(), draft.id()).orElseThrow().version())
                .isEqualTo(1);
    }

    @Test
    void aBadChangeWritesNothing() {
        Request draft = created();
        RequestChange gap =
                fixtures.move(draft, 5, RequestAction.SUBMIT, RequestStatus.SUBMITTED, RequestFixtures.AGENT, T0, null);
        assertThatThrownBy(() -> store().apply(gap))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("history.sequence"));
        assertThat(store().find(fixtures.tenant(), draft.id())).contains(draft);
        assertThat(store().history(fixtures.tenant(), draft.id())).hasSize(1);
    }

    @Test
    void noQueryCrossesCollectivites() {
        Request draft = created();
        TenantId other = TenantId.of("commune-elsewhere");
        assertThat(store().find(other, draft.id())).isEmpty();
        assertThat(store().findByReference(other, draft.reference())).isEmpty();
        assertThat(store().history(other, draft.id())).isEmpty();
        assertThat(store().byApplicants(other, Set.of(applicant), RequestQuery.firstPage()))
                .isEmpty();
        assertThat(store().byTeams(other, Set.of(RequestFixtures.TEAM), RequestQuery.firstPage()))
                .isEmpty();
    }

    @Test
    void listsNewestFirstWithKeysetPagesAndStatusFilter() {
        List<Request> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(created());
        }
        store().apply(fixtures.submit(made.get(1), T0.plusSeconds(60), null));
        List<Request> newestFirst = new ArrayList<>(made);
        java.util.Collections.reverse(newestFirst);

        List<Request> page1 = store().byApplicants(fixtures.tenant(), Set.of(applicant), RequestQuery.of(Set.of(), 2));
        assertThat(page1)
                .extracting(Request::id)
                .containsExactly(newestFirst.get(0).id(), newestFirst.get(1).id());
        List<Request> page2 = store().byApplicants(
                        fixtures.tenant(),
                        Set.of(applicant),
                        RequestQuery.of(Set.of(), 2).after(page1.get(1).id()));
        assertThat(page2)
                .extracting(Request::id)
                .containsExactly(newestFirst.get(2).id(), newestFirst.get(3).id());
        assertThat(store().byTeams(
                                fixtures.tenant(),
                                Set.of(RequestFixtures.TEAM),
                                RequestQuery.of(Set.of(RequestStatus.SUBMITTED), 10)))
                .extracting(Request::id)
                .containsExactly(made.get(1).id());
    }

    @Test
    void aWorkQueueFiltersSortsAndPagesByKeyset() {
        Request a = store().apply(fixtures.submitWithDeadline(created(), T0, T0.plus(Duration.ofDays(30))))
                .request();
        Request b = store().apply(fixtures.submitWithDeadline(created(), T0, T0.plus(Duration.ofDays(10))))
                .request();
        Request c = store().apply(fixtures.submit(created(), T0, null)).request();
        Request d = store().apply(fixtures.submit(created(), T0, null)).request();
        created(); // a draft: in no queue
        Request closed = store().apply(fixtures.decide(
                        store().apply(fixtures.submit(created(), T0, null)).request(),
                        RequestStatus.ACCEPTED,
                        false,
                        T0.plusSeconds(60)))
                .request();
        b = store().apply(fixtures.assign(b, AgentId.of("mlefevre"), T0.plusSeconds(120)))
                .request();

        // Implicit decision due first, none last (by id among those): every page size walks the same order.
        for (int size = 1; size <= 5; size++) {
            assertThat(walk(WorkQueueQuery.builder(), size)).containsExactly(b.id(), a.id(), c.id(), d.id());
            assertThat(walk(WorkQueueQuery.builder().sort(WorkQueueQuery.Sort.OLDEST), size))
                    .containsExactly(a.id(), b.id(), c.id(), d.id());
            assertThat(walk(WorkQueueQuery.builder().sort(WorkQueueQuery.Sort.NEWEST), size))
                    .containsExactly(d.id(), c.id(), b.id(), a.id());
        }
        assertThat(store().find(fixtures.tenant(), b.id()).orElseThrow().assignee())
                .isEqualTo(AgentId.of("mlefevre"));
        assertThat(walk(WorkQueueQuery.builder().assignee(AgentId.of("mlefevre")), 10))
                .containsExactly(b.id());
        assertThat(walk(WorkQueueQuery.builder().unassigned(true), 10)).containsExactly(a.id(), c.id(), d.id());
        assertThat(walk(WorkQueueQuery.builder().dueBefore(T0.plus(Duration.ofDays(20))), 10))
                .containsExactly(b.id());
        assertThat(walk(WorkQueueQuery.builder().dueFrom(T0.plus(Duration.ofDays(20))), 10))
                .containsExactly(a.id());
        assertThat(walk(WorkQueueQuery.builder().channels(Set.of(Channel.PHONE)), 10))
                .isEmpty();
        assertThat(walk(WorkQueueQuery.builder().channels(Set.of(Channel.WEB)), 10))
                .hasSize(4);
        assertThat(walk(WorkQueueQuery.builder().procedures(Set.of(ProcedureCode.of("autre"))), 10))
                .isEmpty();
        assertThat(walk(WorkQueueQuery.builder().procedures(Set.of(RequestFixtures.PROCEDURE.code())), 10))
                .hasSize(4);
        assertThat(walk(WorkQueueQuery.builder().statuses(Set.of(RequestStatus.IN_REVIEW)), 10))
                .isEmpty();
        assertThat(walk(WorkQueueQuery.builder().view(WorkQueueQuery.View.CLOSED), 10))
                .containsExactly(closed.id());
        assertThat(walk(WorkQueueQuery.builder().teams(Set.of(TeamId.of("urbanisme"))), 10))
                .isEmpty();
        assertThat(store().workQueue(
                                TenantId.of("commune-elsewhere"),
                                WorkQueueQuery.builder()
                                        .teams(Set.of(RequestFixtures.TEAM))
                                        .build(),
                                10))
                .isEmpty();
    }

    /** Every page of the query, following the cursors, as the ids in order. */
    private List<RequestId> walk(WorkQueueQuery.Builder query, int pageSize) {
        query.limit(pageSize);
        List<RequestId> seen = new ArrayList<>();
        WorkQueueQuery.Cursor cursor = null;
        for (int guard = 0; guard < 20; guard++) {
            WorkQueueQuery q = query.after(cursor).build();
            if (q.teams().isEmpty()) {
                q = q.withTeams(Set.of(RequestFixtures.TEAM));
            }
            List<Request> page = store().workQueue(fixtures.tenant(), q, pageSize);
            page.forEach(r -> seen.add(r.id()));
            if (page.size() < pageSize) {
                return seen;
            }
            cursor = WorkQueueQuery.Cursor.after(page.get(page.size() - 1), q.sort());
        }
        throw new AssertionError("more pages than requests: " + seen);
    }

    @Test
    void findsRequestsDueForAnImplicitDecisionEarliestFirst() {
        Request late = created();
        Request early = created();
        Request future = created();
        store().apply(fixtures.submitWithDeadline(late, T0, T0.plus(Duration.ofDays(60))));
        store().apply(fixtures.submitWithDeadline(early, T0, T0.plus(Duration.ofDays(30))));
        store().apply(fixtures.submitWithDeadline(future, T0, T0.plus(Duration.ofDays(90))));

        assertThat(store().dueForImplicitDecision(fixtures.tenant(), T0.plus(Duration.ofDays(60)), 10))
                .extracting(Request::id)
                .containsExactly(early.id(), late.id());
        assertThat(store().dueForImplicitDecision(fixtures.tenant(), T0.plus(Duration.ofDays(60)), 1))
                .extracting(Request::id)
                .containsExactly(early.id());
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyFileOnce() throws Exception {
        IdempotencyKey key = IdempotencyKey.of("twin-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<RequestStore.Outcome> outcomes = new ArrayList<>();
        try {
            List<Callable<RequestStore.Outcome>> tasks = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                tasks.add(() -> store().apply(fixtures.draft(applicant, T0, key)));
            }
            for (Future<RequestStore.Outcome> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
        assertThat(outcomes)
                .extracting(o -> o.request().id())
                .containsOnly(outcomes.get(0).request().id());
        assertThat(store().byApplicants(fixtures.tenant(), Set.of(applicant), RequestQuery.firstPage()))
                .hasSize(1);
    }

    @Test
    void concurrentChangesToOneRequestNeverLoseAnUpdate() throws Exception {
        Request draft = created();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    try {
                        store().apply(fixtures.submit(draft, T0.plusSeconds(60), null));
                        return true;
                    } catch (ConcurrentUpdateException e) {
                        return false;
                    }
                });
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().history(fixtures.tenant(), draft.id())).hasSize(2);
    }
}
