package org.opengru.core.usager.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;

/**
 * Usagers in a map per collectivité, with an index from each person to their households (the access
 * policy asks for it on every read, so it must not scan every usager).
 */
public final class InMemoryUsagerStore implements UsagerStore {

    private static final class Partition {
        final Map<UsagerId, Usager> usagers = new HashMap<>();
        final Map<UsagerId, Set<UsagerId>> householdsByMember = new HashMap<>();
    }

    private final Map<TenantId, Partition> partitions = new ConcurrentHashMap<>();

    private Partition partition(TenantId tenant) {
        return partitions.computeIfAbsent(tenant, t -> new Partition());
    }

    @Override
    public void save(Usager usager) {
        Checks.required("usager", usager);
        Partition p = partition(usager.tenant());
        synchronized (p) {
            Usager previous = p.usagers.put(usager.id(), usager);
            if (previous instanceof Household old) {
                for (HouseholdMember m : old.members()) {
                    Set<UsagerId> ids = p.householdsByMember.get(m.person());
                    if (ids != null) {
                        ids.remove(old.id());
                    }
                }
            }
            if (usager instanceof Household h) {
                for (HouseholdMember m : h.members()) {
                    p.householdsByMember
                            .computeIfAbsent(m.person(), k -> new HashSet<>())
                            .add(h.id());
                }
            }
        }
    }

    @Override
    public boolean delete(TenantId tenant, UsagerId id) {
        Partition p = partition(tenant);
        synchronized (p) {
            Usager removed = p.usagers.remove(id);
            p.householdsByMember.remove(id);
            if (removed instanceof Household h) {
                for (HouseholdMember m : h.members()) {
                    Set<UsagerId> ids = p.householdsByMember.get(m.person());
                    if (ids != null) {
                        ids.remove(h.id());
                    }
                }
            }
            return removed != null;
        }
    }

    @Override
    public Optional<Usager> find(TenantId tenant, UsagerId id) {
        Partition p = partition(tenant);
        synchronized (p) {
            return Optional.ofNullable(p.usagers.get(id));
        }
    }

    /** A scan: the in-memory store holds the few usagers of a test or a demonstration. */
    @Override
    public List<UsagerId> withEmail(TenantId tenant, EmailAddress address, int limit) {
        Checks.required("address", address);
        Checks.check(limit > 0, "limit", limit, "must be positive");
        Partition p = partition(tenant);
        synchronized (p) {
            return p.usagers.values().stream()
                    .filter(u -> u.contact().email() != null
                            && u.contact().email().value().value().equalsIgnoreCase(address.value()))
                    .map(Usager::id)
                    .sorted()
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public List<Household> householdsOf(TenantId tenant, UsagerId member) {
        Partition p = partition(tenant);
        synchronized (p) {
            return p.householdsByMember.getOrDefault(member, Set.of()).stream()
                    .map(id -> (Household) p.usagers.get(id))
                    .toList();
        }
    }
}
