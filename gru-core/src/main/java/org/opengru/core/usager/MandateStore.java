package org.opengru.core.usager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.internal.InMemoryMandateStore;

/** Port: mandates of a collectivité. */
public interface MandateStore {

    /**
     * Creates or replaces the mandate (same id and tenant).
     *
     * @param mandate the mandate
     */
    void save(Mandate mandate);

    /**
     * Looks up a mandate.
     *
     * @param tenant the collectivité
     * @param id the mandate's id
     * @return the mandate, or empty
     */
    Optional<Mandate> find(TenantId tenant, UUID id);

    /**
     * Every mandate (active or not) where the usager is the representative.
     *
     * @param tenant the collectivité
     * @param representative the usager who may act
     * @return the mandates, possibly none
     */
    List<Mandate> byRepresentative(TenantId tenant, UsagerId representative);

    /**
     * Every mandate where the usager is the represented person (subject access).
     *
     * @param tenant the collectivité
     * @param represented the usager acted for
     * @return the mandates, possibly none
     */
    List<Mandate> byRepresented(TenantId tenant, UsagerId represented);

    /**
     * Deletes every mandate where the usager represents or is represented (erasure); how many.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return the number of mandates deleted
     */
    int eraseUsager(TenantId tenant, UsagerId usager);

    /**
     * A thread-safe store in memory (the embedded default, and tests).
     *
     * @return an empty store
     */
    static MandateStore inMemory() {
        return new InMemoryMandateStore();
    }
}
