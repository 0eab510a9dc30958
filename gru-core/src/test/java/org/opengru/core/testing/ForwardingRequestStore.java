package org.opengru.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;

/** Delegates everything; tests override a method to inject a bug. */
public class ForwardingRequestStore implements RequestStore {

    private final RequestStore delegate;

    public ForwardingRequestStore(RequestStore delegate) {
        this.delegate = delegate;
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
    public List<Request> byTeams(TenantId tenant, Set<TeamId> teams, RequestQuery query) {
        return delegate.byTeams(tenant, teams, query);
    }

    @Override
    public List<Request> dueForImplicitDecision(TenantId tenant, Instant now, int limit) {
        return delegate.dueForImplicitDecision(tenant, now, limit);
    }
}
