package org.opengru.core.audit;

/**
 * One stored audit entry: the record, its position in the request's chain (0, 1, 2...), the previous
 * entry's hash ({@link AuditHashes#GENESIS} for the first) and its own hash.
 *
 * @param record the fact recorded
 * @param position its position in the request's chain, from 0
 * @param previousHash the previous entry's hash
 * @param hash its own hash
 */
public record AuditEntry(AuditRecord record, long position, String previousHash, String hash) {

    /**
     * Whether the hash matches the content and the previous hash (not whether it is in place).
     *
     * @return {@code true} when the stored hash is the one its content gives
     */
    public boolean selfConsistent() {
        return hash.equals(AuditHashes.entryHash(record, position, previousHash));
    }
}
