package org.opengru.core.usager.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;

/** Usagers in a map per collectivité. */
public final class InMemoryUsagerStore implements UsagerStore {

    private final Map<TenantId, Map<UsagerId, Usager>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void save(Usager usager) {
        Checks.required("usager", usager);
        byTenant.computeIfAbsent(usager.tenant(), t -> new ConcurrentHashMap<>())
                .put(usager.id(), usager);
    }

    @Override
    public Optional<Usager> find(TenantId tenant, UsagerId id) {
        return Optional.ofNullable(byTenant.getOrDefault(tenant, Map.of()).get(id));
    }

    @Override
    public List<Household> householdsOf(TenantId tenant, UsagerId member) {
        return byTenant.getOrDefault(tenant, Map.of()).values().stream()
                .filter(Household.class::isInstance)
                .map(Household.class::cast)
                .filter(h -> h.members().stream().anyMatch(m -> m.person().equals(member)))
                .toList();
    }
}
