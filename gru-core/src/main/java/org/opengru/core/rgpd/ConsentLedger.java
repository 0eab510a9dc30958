package org.opengru.core.rgpd;

import java.util.List;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.internal.InMemoryConsentLedger;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: the consent ledger, append-only. A withdrawal is a new line, never an edit: the ledger proves
 * what the usager agreed to and when (art. 7.1 RGPD), and is kept after an erasure for that reason.
 */
public interface ConsentLedger {

    /**
     * Appends a line: a consent given or withdrawn.
     *
     * @param record the line
     */
    void record(ConsentRecord record);

    /**
     * Every line of the usager, oldest first.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the lines, possibly none
     */
    List<ConsentRecord> history(TenantId tenant, UsagerId usager);

    /**
     * The latest line for the purpose, if any.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param purpose the purpose's code
     * @return the latest line, or empty
     */
    default Optional<ConsentRecord> current(TenantId tenant, UsagerId usager, String purpose) {
        List<ConsentRecord> all = history(tenant, usager);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).purpose().equals(purpose)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the usager currently agrees to the purpose (no line: no).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param purpose the purpose's code
     * @return {@code true} when the latest line grants it
     */
    default boolean granted(TenantId tenant, UsagerId usager, String purpose) {
        return current(tenant, usager, purpose).map(ConsentRecord::granted).orElse(false);
    }

    /**
     * A thread-safe ledger in memory (the embedded default, and tests).
     *
     * @return an empty ledger
     */
    static ConsentLedger inMemory() {
        return new InMemoryConsentLedger();
    }
}
