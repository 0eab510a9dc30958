package org.opengru.core.audit;

import java.util.List;
import org.opengru.core.audit.internal.InMemoryAuditTrail;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: the append-only, hash-chained audit trail of requests. {@link #append} joins the caller's
 * transaction in the PostgreSQL adapter and serialises appends to one request's chain across nodes.
 */
public interface AuditTrail {

    /** Appends the record at the end of its request's chain and returns the stored entry. */
    AuditEntry append(AuditRecord record);

    /** The request's entries in chain order (by position). */
    List<AuditEntry> entries(TenantId tenant, RequestId requestId);

    /** Re-computes the request's chain and reports the first edited, missing or misplaced entry. */
    default AuditVerification verify(TenantId tenant, RequestId requestId) {
        return verify(requestId, entries(tenant, requestId));
    }

    /**
     * Checks a chain as read from storage. Each entry must sit at the next position, link to the previous
     * entry's hash, and hash to its stored hash.
     */
    static AuditVerification verify(RequestId requestId, List<AuditEntry> entries) {
        String previous = AuditHashes.GENESIS;
        long expected = 0;
        for (AuditEntry e : entries) {
            String problem = null;
            if (!e.record().requestId().equals(requestId)) {
                problem = "entry of another request " + e.record().requestId();
            } else if (e.position() != expected) {
                problem = "entry at position " + e.position() + " where " + expected + " was expected (deleted or"
                        + " re-ordered entry)";
            } else if (!e.previousHash().equals(previous)) {
                problem = "previous hash does not match the entry before (deleted or re-ordered entry)";
            } else if (!e.selfConsistent()) {
                problem = "content does not match its hash (edited entry)";
            }
            if (problem != null) {
                return new AuditVerification(requestId, entries.size(), expected, problem, previous);
            }
            previous = e.hash();
            expected++;
        }
        return new AuditVerification(requestId, entries.size(), -1, null, previous);
    }

    /** An in-memory trail for one JVM (the embedded default). */
    static AuditTrail inMemory() {
        return new InMemoryAuditTrail();
    }
}
