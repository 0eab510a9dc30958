package org.opengru.core.usager.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
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

/** Mandates in a map per collectivité, indexed by representative. */
public final class InMemoryMandateStore implements MandateStore {

    private static final class Partition {
        final Map<UUID, Mandate> mandates = new HashMap<>();
        final Map<UsagerId, Map<UUID, Mandate>> byRepresentative = new HashMap<>();
    }

    private final Map<TenantId, Partition> partitions = new ConcurrentHashMap<>();

    private Partition partition(TenantId tenant) {
        return partitions.computeIfAbsent(tenant, t -> new Partition());
    }

    @Override
    public void save(Mandate mandate) {
        Checks.required("mandate", mandate);
        Partition p = partition(mandate.tenant());
        synchronized (p) {
            Mandate previous = p.mandates.put(mandate.id(), mandate);
            if (previous != null) {
                Map<UUID, Mandate> old = p.byRepresentative.get(previous.representative());
                if (old != null) {
                    old.remove(previous.id());
                }
            }
            p.byRepresentative
                    .computeIfAbsent(mandate.representative(), k -> new LinkedHashMap<>())
                    .put(mandate.id(), mandate);
        }
    }

    @Override
    public Optional<Mandate> find(TenantId tenant, UUID id) {
        Partition p = partition(tenant);
        synchronized (p) {
            return Optional.ofNullable(p.mandates.get(id));
        }
    }

    @Override
    public List<Mandate> byRepresentative(TenantId tenant, UsagerId representative) {
        Partition p = partition(tenant);
        synchronized (p) {
            return List.copyOf(
                    p.byRepresentative.getOrDefault(representative, Map.of()).values());
        }
    }

    @Override
    public List<Mandate> byRepresented(TenantId tenant, UsagerId represented) {
        Partition p = partition(tenant);
        synchronized (p) {
            return p.mandates.values().stream()
                    .filter(m -> m.represented().equals(represented))
                    .toList();
        }
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        Partition p = partition(tenant);
        synchronized (p) {
            List<Mandate> gone = p.mandates.values().stream()
                    .filter(m ->
                            m.represented().equals(usager) || m.representative().equals(usager))
                    .toList();
            for (Mandate m : gone) {
                p.mandates.remove(m.id());
                Map<UUID, Mandate> of = p.byRepresentative.get(m.representative());
                if (of != null) {
                    of.remove(m.id());
                }
            }
            return gone.size();
        }
    }
}
