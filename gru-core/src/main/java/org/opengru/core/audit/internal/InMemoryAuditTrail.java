package org.opengru.core.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.audit.AuditAnchor;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.audit.AuditVerification;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/**
 * The audit trail in one JVM's memory; each request's chain is appended under its own lock. The anchors
 * stand for what the request records of its chain (in PostgreSQL, columns of {@code gru_request}).
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private record Key(TenantId tenant, RequestId requestId) {}

    private final ConcurrentHashMap<Key, List<AuditEntry>> chains = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, AuditAnchor> anchors = new ConcurrentHashMap<>();

    @Override
    public AuditEntry append(AuditRecord record) {
        Key key = new Key(record.tenant(), record.requestId());
        List<AuditEntry> chain = chains.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (chain) {
            String previous = chain.isEmpty()
                    ? AuditHashes.GENESIS
                    : chain.get(chain.size() - 1).hash();
            long position = chain.size();
            AuditEntry entry =
                    new AuditEntry(record, position, previous, AuditHashes.entryHash(record, position, previous));
            chain.add(entry);
            anchors.put(key, new AuditAnchor(position + 1, entry.hash()));
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

    @Override
    public Optional<AuditAnchor> anchor(TenantId tenant, RequestId requestId) {
        return Optional.ofNullable(anchors.get(new Key(tenant, requestId)));
    }

    /** Reads the chain and its anchor under the chain's lock, so that an append cannot fall between. */
    @Override
    public AuditVerification verify(TenantId tenant, RequestId requestId) {
        Key key = new Key(tenant, requestId);
        List<AuditEntry> chain = chains.get(key);
        if (chain == null) {
            return AuditTrail.verify(requestId, List.of(), anchors.get(key));
        }
        synchronized (chain) {
            return AuditTrail.verify(requestId, List.copyOf(chain), anchors.get(key));
        }
    }
}
