package org.opengru.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.request.internal.InMemoryRequestStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: where requests, their history, their outgoing events and the idempotency records live. Every
 * query names its collectivité and never returns another's data. The only write is {@link #apply}: one
 * command's whole effect, atomically.
 */
public interface RequestStore {

    /**
     * Applies a change atomically. In this order, under one lock or transaction:
     *
     * <ol>
     *   <li>if the change has an idempotency record whose key is already stored for the collectivité: with the
     *       same fingerprint, nothing is written and the outcome is {@code replayed} with the current
     *       request; with another fingerprint, {@link org.opengru.core.error.IdempotencyConflictException};
     *   <li>the stored version must equal {@code expectedVersion} (0: no such request; the reference must
     *       be unused in the collectivité), else {@link org.opengru.core.error.ConcurrentUpdateException};
     *   <li>the request is stored, the history appended (sequence numbers continue exactly), the events
     *       queued for the outbox, the idempotency record kept.
     * </ol>
     *
     * @param change the new state, history entry, events and idempotency record
     * @return the stored request, and whether it was a replay
     */
    Outcome apply(RequestChange change);

    /**
     * A request of the collectivité.
     *
     * @param tenant the collectivité
     * @param id the request
     * @return the request, or empty (also for another collectivité's)
     */
    Optional<Request> find(TenantId tenant, RequestId id);

    /**
     * A request by the short reference printed on its accusé de réception.
     *
     * @param tenant the collectivité
     * @param reference the reference
     * @return the request, or empty
     */
    Optional<Request> findByReference(TenantId tenant, ShortReference reference);

    /**
     * The history of a request, in sequence order; empty if there is no such request.
     *
     * @param tenant the collectivité
     * @param id the request
     * @return the entries
     */
    List<HistoryEntry> history(TenantId tenant, RequestId id);

    /**
     * The record of an idempotent command already applied, if any.
     *
     * @param tenant the collectivité
     * @param key the client's key
     * @return the record, or empty
     */
    Optional<IdempotencyRecord> idempotency(TenantId tenant, IdempotencyKey key);

    /**
     * Requests whose applicant is one of these usagers, newest first.
     *
     * @param tenant the collectivité
     * @param applicants the usagers
     * @param query the filters and the page
     * @return the requests
     */
    List<Request> byApplicants(TenantId tenant, Set<UsagerId> applicants, RequestQuery query);

    /**
     * Requests filed on behalf of one of these usagers (their {@link Request#beneficiary()}), newest first:
     * what a person's subject access and erasure must find besides their own requests.
     *
     * @param tenant the collectivité
     * @param beneficiaries the usagers
     * @param query the filters and the page
     * @return the requests
     */
    List<Request> byBeneficiaries(TenantId tenant, Set<UsagerId> beneficiaries, RequestQuery query);

    /**
     * Requests routed to one of these teams, newest first.
     *
     * @param tenant the collectivité
     * @param teams the teams
     * @param query the filters and the page
     * @return the requests
     */
    List<Request> byTeams(TenantId tenant, Set<TeamId> teams, RequestQuery query);

    /**
     * Received, undecided requests whose implicit-decision deadline is not suspended and is due at {@code
     * now}, earliest due first, at most {@code limit}.
     *
     * @param tenant the collectivité
     * @param now the current time
     * @param limit the batch's size
     * @return the requests
     */
    List<Request> dueForImplicitDecision(TenantId tenant, Instant now, int limit);

    /**
     * A page of a work queue: the requests of {@code query.teams()} (never empty: the caller names them)
     * passing every filter of the query, after its cursor, in its order, at most {@code limit}.
     *
     * @param tenant the collectivité
     * @param query the work queue's filters, order and cursor
     * @param limit the page's size
     * @return the requests
     */
    List<Request> workQueue(TenantId tenant, WorkQueueQuery query, int limit);

    /**
     * The outcome of {@link #apply}: the stored request, and whether this was a replay with no effect.
     *
     * @param request the request as stored
     * @param replayed whether the change was an idempotent replay (nothing written)
     */
    record Outcome(Request request, boolean replayed) {}

    /**
     * A thread-safe in-memory store (the embedded default).
     *
     * @return an empty store
     */
    static RequestStore inMemory() {
        return new InMemoryRequestStore();
    }
}
