package org.opengru.core.id;

import org.opengru.core.id.internal.InMemoryReferenceSequence;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: hands out reference numbers, never twice for the same collectivité, even across application
 * nodes. A database adapter backs it with a sequence or a counter row updated in its own transaction;
 * gaps are fine, repeats are not.
 */
public interface ReferenceSequence {

    /**
     * The next number for that collectivité: {@code >= 0}, never returned before for it.
     *
     * @param tenant the collectivité
     * @return the number
     */
    long next(TenantId tenant);

    /**
     * A thread-safe in-memory sequence, good for one JVM (the embedded default).
     *
     * @return a sequence starting at 0 for each collectivité
     */
    static ReferenceSequence inMemory() {
        return new InMemoryReferenceSequence();
    }
}
