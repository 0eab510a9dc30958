package org.opengru.core.testing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Mandate;
import org.opengru.core.usager.MandateStore;

/** Delegates everything; tests override a method to inject a bug. Remembers what was saved. */
public class ForwardingMandateStore implements MandateStore {

    private final MandateStore delegate;
    protected final List<Mandate> saved = new CopyOnWriteArrayList<>();

    public ForwardingMandateStore(MandateStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(Mandate mandate) {
        saved.add(mandate);
        delegate.save(mandate);
    }

    @Override
    public Optional<Mandate> find(TenantId tenant, UUID id) {
        return delegate.find(tenant, id);
    }

    @Override
    public List<Mandate> byRepresentative(TenantId tenant, UsagerId representative) {
        return delegate.byRepresentative(tenant, representative);
    }

    @Override
    public List<Mandate> byRepresented(TenantId tenant, UsagerId represented) {
        return delegate.byRepresented(tenant, represented);
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return delegate.eraseUsager(tenant, usager);
    }
}
