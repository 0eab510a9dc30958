package org.opengru.core.catalogue.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;

/** Procedures per collectivité and code, versions in a sorted map. */
public final class InMemoryProcedureStore implements ProcedureStore {

    private final Map<TenantId, Map<ProcedureCode, TreeMap<Integer, Procedure>>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void define(TenantId tenant, Procedure procedure) {
        Map<ProcedureCode, TreeMap<Integer, Procedure>> codes =
                byTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        codes.compute(procedure.code(), (code, versions) -> {
            TreeMap<Integer, Procedure> copy = versions == null ? new TreeMap<>() : new TreeMap<>(versions);
            if (copy.containsKey(procedure.version())) {
                throw new AlreadyExistsException("procedure", procedure.ref().toString());
            }
            if (!copy.isEmpty() && copy.lastKey() > procedure.version()) {
                throw new ValidationException(
                        "procedure.version", procedure.version(), "must be above the latest version " + copy.lastKey());
            }
            copy.put(procedure.version(), procedure);
            return copy;
        });
    }

    @Override
    public Optional<Procedure> find(TenantId tenant, ProcedureRef ref) {
        TreeMap<Integer, Procedure> versions =
                byTenant.getOrDefault(tenant, Map.of()).get(ref.code());
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(ref.version()));
    }

    @Override
    public Optional<Procedure> latest(TenantId tenant, ProcedureCode code) {
        TreeMap<Integer, Procedure> versions =
                byTenant.getOrDefault(tenant, Map.of()).get(code);
        return versions == null || versions.isEmpty()
                ? Optional.empty()
                : Optional.of(versions.lastEntry().getValue());
    }

    @Override
    public List<Procedure> catalogue(TenantId tenant) {
        return byTenant.getOrDefault(tenant, Map.of()).values().stream()
                .map(v -> v.lastEntry().getValue())
                .sorted(Comparator.comparing(p -> p.code().value()))
                .toList();
    }
}
