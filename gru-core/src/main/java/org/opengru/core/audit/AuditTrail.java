package org.opengru.core.audit;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.internal.InMemoryAuditTrail;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: the append-only, hash-chained audit trail of requests. {@link #append} joins the caller's
 * transaction in the PostgreSQL adapter and serialises appends to one request's chain across nodes.
 */
public interface AuditTrail {

    /**
     * Appends the record at the end of its request's chain and returns the stored entry.
     *
     * @param record the fact
     * @return the entry, with its position and hash
     */
    AuditEntry append(AuditRecord record);

    /**
     * The request's entries in chain order (by position).
     *
     * @param tenant the collectivité
     * @param requestId the request
     * @return the entries
     */
    List<AuditEntry> entries(TenantId tenant, RequestId requestId);

    /**
     * What the request records of its chain (length and head hash), or empty when nothing records it:
     * a chain appended for an id no stored request has, or a purged request's chain.
     *
     * @param tenant the collectivité
     * @param requestId the request
     * @return the anchor, or empty
     */
    Optional<AuditAnchor> anchor(TenantId tenant, RequestId requestId);

    /**
     * Re-computes the request's chain and reports the first edited, missing or misplaced entry, and a
     * chain shorter or longer than, or ending elsewhere than, what the request records (a truncated or
     * deleted chain). Implementations read the chain and the anchor as of one instant.
     *
     * @param tenant the collectivité
     * @param requestId the request
     * @return the verification
     */
    default AuditVerification verify(TenantId tenant, RequestId requestId) {
        return verify(
                requestId, entries(tenant, requestId), anchor(tenant, requestId).orElse(null));
    }

    /**
     * Checks a chain as read from storage. Each entry must sit at the next position, link to the previous
     * entry's hash, and hash to its stored hash. Without an anchor a deleted tail goes unseen.
     *
     * @param requestId the request
     * @param entries the entries as read, in position order
     * @return the verification
     */
    static AuditVerification verify(RequestId requestId, List<AuditEntry> entries) {
        return verify(requestId, entries, null);
    }

    /**
     * Checks a chain as {@link #verify(RequestId, List)} does, then against what the request records:
     * the same length and the same head hash.
     *
     * @param requestId the request
     * @param entries the entries as read, in position order
     * @param anchor what the request records, or {@code null} when nothing does
     * @return the verification
     */
    static AuditVerification verify(RequestId requestId, List<AuditEntry> entries, @Nullable AuditAnchor anchor) {
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
        if (anchor != null) {
            long n = entries.size();
            String problem = null;
            long at = n;
            if (n < anchor.length()) {
                problem = (n == 0 ? "chain deleted: no entry" : "chain truncated: " + n + " entries")
                        + " where the request records " + anchor.length();
            } else if (n > anchor.length()) {
                problem = n + " entries where the request records " + anchor.length()
                        + " (entries appended outside the request's transaction)";
                at = anchor.length();
            } else if (!previous.equals(anchor.headHash())) {
                problem = "last hash " + previous + " is not the head " + anchor.headHash()
                        + " the request records (chain rewritten)";
                at = Math.max(0, n - 1);
            }
            if (problem != null) {
                return new AuditVerification(requestId, n, at, problem, previous);
            }
        }
        return new AuditVerification(requestId, entries.size(), -1, null, previous);
    }

    /**
     * An in-memory trail for one JVM (the embedded default).
     *
     * @return an empty trail
     */
    static AuditTrail inMemory() {
        return new InMemoryAuditTrail();
    }
}
