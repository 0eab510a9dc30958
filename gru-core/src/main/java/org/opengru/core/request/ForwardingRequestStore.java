package org.opengru.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.tenancy.TenantId;

/**
 * A request store that hands every call to another one: the base of decorators that add behaviour around
 * a store (for example {@link org.opengru.core.outbox.RecordingRequestStore}, which records audit, timeline
 * and outbox entries after each change) by overriding only what they change.
 */
public class ForwardingRequestStore implements RequestStore {

    /** The store every call is handed to. */
    protected final RequestStore delegate;

    /**
     * A store passing every call to {@code delegate}; override the methods to decorate.
     *
     * @param delegate the store decorated
     */
    public ForwardingRequestStore(RequestStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Outcome apply(RequestChange change) {
        return delegate.apply(change);
    }

    @Override
    public Optional<Request> find(TenantId tenant, RequestId id) {
        return delegate.find(tenant, id);
    }

    @Override
    public Optional<Request> findByReference(TenantId tenant, ShortReference reference) {
        return delegate.findByReference(tenant, reference);
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, RequestId id) {
        return delegate.history(tenant, id);
    }

    @Override
    public Optional<IdempotencyRecord> idempotency(TenantId tenant, IdempotencyKey key) {
        return delegate.idempotency(tenant, key);
    }

    @Override
    public List<Request> byApplicants(TenantId tenant, Set<UsagerId> applicants, RequestQuery query) {
        return delegate.byApplicants(tenant, applicants, query);
    }

    @Override
    public List<Request> byBeneficiaries(TenantId tenant, Set<UsagerId> beneficiaries, RequestQuery query) {
        return delegate.byBeneficiaries(tenant, beneficiaries, query);
    }

    @Override
    public List<Request> byTeams(TenantId tenant, Set<TeamId> teams, RequestQuery query) {
        return delegate.byTeams(tenant, teams, query);
    }

    @Override
    public List<Request> workQueue(TenantId tenant, WorkQueueQuery query, int limit) {
        return delegate.workQueue(tenant, query, limit);
    }

    @Override
    public List<Request> dueForImplicitDecision(TenantId tenant, Instant now, int limit) {
        return delegate.dueForImplicitDecision(tenant, now, limit);
    }
}
