package org.opengru.core.usager.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Mandate;
import org.opengru.core.usager.MandateStore;

/** Mandates in a map per collectivité. */
public final class InMemoryMandateStore implements MandateStore {

    private final Map<TenantId, Map<UUID, Mandate>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void save(Mandate mandate) {
        Checks.required("mandate", mandate);
        byTenant.computeIfAbsent(mandate.tenant(), t -> new ConcurrentHashMap<>())
                .put(mandate.id(), mandate);
    }

    @Override
    public Optional<Mandate> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(byTenant.getOrDefault(tenant, Map.of()).get(id));
    }

    @Override
    public List<Mandate> byRepresentative(TenantId tenant, UsagerId representative) {
        return byTenant.getOrDefault(tenant, Map.of()).values().stream()
                .filter(m -> m.representative().equals(representative))
                .toList();
    }
}
