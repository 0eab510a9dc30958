package org.opengru.core.id.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.tenancy.TenantId;

/** One counter per collectivité, in this JVM only. */
public final class InMemoryReferenceSequence implements ReferenceSequence {

    private final ConcurrentHashMap<TenantId, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public long next(TenantId tenant) {
        return counters.computeIfAbsent(tenant, t -> new AtomicLong()).getAndIncrement();
    }
}
