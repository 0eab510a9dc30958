package org.opengru.core.usager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.internal.InMemoryMandateStore;

/** Port: mandates of a collectivité. */
public interface MandateStore {

    /** Creates or replaces the mandate (same id and tenant). */
    void save(Mandate mandate);

    Optional<Mandate> find(TenantId tenant, UUID id);

    /** Every mandate (active or not) where the usager is the representative. */
    List<Mandate> byRepresentative(TenantId tenant, UsagerId representative);

    static MandateStore inMemory() {
        return new InMemoryMandateStore();
    }
}
