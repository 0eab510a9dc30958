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

    /** Every mandate where the usager is the represented person (subject access). */
    List<Mandate> byRepresented(TenantId tenant, UsagerId represented);

    /** Deletes every mandate where the usager represents or is represented (erasure); how many. */
    int eraseUsager(TenantId tenant, UsagerId usager);

    static MandateStore inMemory() {
        return new InMemoryMandateStore();
    }
}
