package org.opengru.core.request.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.IdempotencyRecord;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.request.WorkQueueQuery;
import org.opengru.core.tenancy.TenantId;

/**
 * Requests in memory, one partition per collectivité guarded by its own lock: a change is checked and
 * applied under the lock, so it is atomic and version conflicts are detected exactly as a database
 * would. Reads take the lock too (cheap at a small commune's volume) so they never see half a change.
 * The outbox is kept per partition for inspection ({@link #outbox}); nothing relays it in memory.
 */
public final class InMemoryRequestStore implements RequestStore {

    private static final class Partition {
        final Map<RequestId, Request> requests = new HashMap<>();
        final Map<ShortReference, RequestId> references = new HashMap<>();
        final Map<RequestId, List<HistoryEntry>> history = new HashMap<>();
        final Map<IdempotencyKey, IdempotencyRecord> idempotency = new HashMap<>();
        final List<DomainEvent> outbox = new ArrayList<>();
    }

    private final Map<TenantId, Partition> partitions = new ConcurrentHashMap<>();
    private final int outboxCapacity;

    public InMemoryRequestStore() {
        this(10_000);
    }

    /** @param outboxCapacity how many recent events to keep per collectivité (older ones are dropped) */
    public InMemoryRequestStore(int outboxCapacity) {
        this.outboxCapacity = outboxCapacity;
    }

    private Partition partition(TenantId tenant) {
        return partitions.computeIfAbsent(tenant, t -> new Partition());
    }

    @Override
    public Outcome apply(RequestChange change) {
        Request next = change.request();
        Partition p = partition(next.tenant());
        synchronized (p) {
            IdempotencyRecord idem = change.idempotency();
            if (idem != null) {
                IdempotencyRecord earlier = p.idempotency.get(idem.key());
                if (earlier != null) {
                    if (!earlier.fingerprint().equals(idem.fingerprint())) {
                        throw new IdempotencyConflictException(idem.key().value());
                    }
                    return new Outcome(p.requests.get(earlier.requestId()), true);
                }
            }
            Request current = p.requests.get(next.id());
            long actual = current == null ? 0 : current.version();
            if (actual != change.expectedVersion()) {
                throw new ConcurrentUpdateException(
                        "request", next.id().toString(), change.expectedVersion(), current == null ? -1 : actual);
            }
            if (current == null) {
                if (p.references.containsKey(next.reference())) {
                    throw new ValidationException("reference", next.reference(), "is already used in " + next.tenant());
                }
            } else if (!current.reference().equals(next.reference())
                    || !current.tenant().equals(next.tenant())) {
                throw new ValidationException("reference", next.reference(), "cannot change");
            }
            List<HistoryEntry> entries = p.history.getOrDefault(next.id(), List.of());
            int expectedSeq = entries.size() + 1;
            for (HistoryEntry h : change.history()) {
                if (h.sequence() != expectedSeq++) {
                    throw new ValidationException(
                            "history.sequence", h.sequence(), "must continue the history at " + (expectedSeq - 1));
                }
            }
            // Every check passed: write everything.
            p.requests.put(next.id(), next);
            p.references.put(next.reference(), next.id());
            List<HistoryEntry> appended = new ArrayList<>(entries);
            appended.addAll(change.history());
            p.history.put(next.id(), List.copyOf(appended));
            p.outbox.addAll(change.events());
            if (p.outbox.size() > outboxCapacity) {
                p.outbox.subList(0, p.outbox.size() - outboxCapacity).clear();
            }
            if (idem != null) {
                p.idempotency.put(idem.key(), idem);
            }
            return new Outcome(next, false);
        }
    }

    @Override
    public Optional<Request> find(TenantId tenant, RequestId id) {
        Partition p = partition(tenant);
        synchronized (p) {
            return Optional.ofNullable(p.requests.get(id));
        }
    }

    @Override
    public Optional<Request> findByReference(TenantId tenant, ShortReference reference) {
        Partition p = partition(tenant);
        synchronized (p) {
            RequestId id = p.references.get(reference);
            return id == null ? Optional.empty() : Optional.ofNullable(p.requests.get(id));
        }
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, RequestId id) {
        Partition p = partition(tenant);
        synchronized (p) {
            return p.history.getOrDefault(id, List.of());
        }
    }

    @Override
    public Optional<IdempotencyRecord> idempotency(TenantId tenant, IdempotencyKey key) {
        Partition p = partition(tenant);
        synchronized (p) {
            return Optional.ofNullable(p.idempotency.get(key));
        }
    }

    @Override
    public List<Request> byApplicants(TenantId tenant, Set<UsagerId> applicants, RequestQuery query) {
        return select(tenant, r -> applicants.contains(r.applicant()), query);
    }

    @Override
    public List<Request> byBeneficiaries(TenantId tenant, Set<UsagerId> beneficiaries, RequestQuery query) {
        return select(tenant, r -> r.beneficiary() != null && beneficiaries.contains(r.beneficiary()), query);
    }

    @Override
    public List<Request> byTeams(TenantId tenant, Set<TeamId> teams, RequestQuery query) {
        return select(tenant, r -> teams.contains(r.team()), query);
    }

    private List<Request> select(TenantId tenant, Predicate<Request> filter, RequestQuery query) {
        Partition p = partition(tenant);
        synchronized (p) {
            return p.requests.values().stream()
                    .filter(filter)
                    .filter(query::accepts)
                    .sorted(Comparator.comparing(Request::id).reversed())
                    .limit(query.limit())
                    .toList();
        }
    }

    @Override
    public List<Request> workQueue(TenantId tenant, WorkQueueQuery query, int limit) {
        Partition p = partition(tenant);
        synchronized (p) {
            return p.requests.values().stream()
                    .filter(r -> query.teams().contains(r.team()))
                    .filter(query::accepts)
                    .sorted(query.order())
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public List<Request> dueForImplicitDecision(TenantId tenant, Instant now, int limit) {
        Partition p = partition(tenant);
        synchronized (p) {
            return p.requests.values().stream()
                    .filter(r -> r.status() == RequestStatus.SUBMITTED
                            || r.status() == RequestStatus.IN_REVIEW
                            || r.status() == RequestStatus.AWAITING_COMPLEMENT)
                    .filter(r -> r.deadline() != null && r.deadline().dueBy(now))
                    .sorted(Comparator.comparing((Request r) -> r.deadline().dueAt())
                            .thenComparing(Request::id))
                    .limit(limit)
                    .toList();
        }
    }

    /** The events queued by changes of that collectivité, oldest first (for tests and inspection). */
    public List<DomainEvent> outbox(TenantId tenant) {
        Partition p = partition(tenant);
        synchronized (p) {
            return List.copyOf(p.outbox);
        }
    }
}
