package org.opengru.core.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/** The audit trail in one JVM's memory; each request's chain is appended under its own lock. */
public final class InMemoryAuditTrail implements AuditTrail {

    private record Key(TenantId tenant, RequestId requestId) {}

    private final ConcurrentHashMap<Key, List<AuditEntry>> chains = new ConcurrentHashMap<>();

    @Override
    public AuditEntry append(AuditRecord record) {
        List<AuditEntry> chain =
                chains.computeIfAbsent(new Key(record.tenant(), record.requestId()), k -> new ArrayList<>());
        synchronized (chain) {
            String previous = chain.isEmpty()
                    ? AuditHashes.GENESIS
                    : chain.get(chain.size() - 1).hash();
            long position = chain.size();
            AuditEntry entry =
                    new AuditEntry(record, position, previous, AuditHashes.entryHash(record, position, previous));
            chain.add(entry);
            return entry;
        }
    }

    @Override
    public List<AuditEntry> entries(TenantId tenant, RequestId requestId) {
        List<AuditEntry> chain = chains.get(new Key(tenant, requestId));
        if (chain == null) {
            return List.of();
        }
        synchronized (chain) {
            return List.copyOf(chain);
        }
    }
}
