package org.opengru.core.audit;

import org.opengru.core.internal.Checks;

/**
 * What a request records of its own audit chain, written in the transaction of every append: how many
 * entries the chain has and the last one's hash. A chain alone cannot show that its tail or all of it
 * was deleted (what is left still links up); checked against the anchor, it can.
 *
 * @param length the number of entries appended so far
 * @param headHash the last entry's hash, {@link AuditHashes#GENESIS} while the chain is empty
 */
public record AuditAnchor(long length, String headHash) {

    /**
     * Checks the length and that the hash is present.
     *
     * @param length the number of entries appended so far
     * @param headHash the last entry's hash, {@link AuditHashes#GENESIS} while the chain is empty
     * @throws org.opengru.core.error.ValidationException naming {@code audit.anchor.length} or {@code
     *     audit.anchor.headHash}
     */
    public AuditAnchor {
        Checks.check(length >= 0, "audit.anchor.length", length, "must be 0 or more");
        Checks.required("audit.anchor.headHash", headHash);
    }
}
