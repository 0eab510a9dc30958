package org.opengru.core.tenancy.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.tenancy.TenantId;

/** Teams in a map per collectivité. */
public final class InMemoryTeamDirectory implements TeamDirectory {

    private final Map<TenantId, Map<TeamId, Team>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void save(Team team) {
        byTenant.computeIfAbsent(team.tenant(), t -> new ConcurrentHashMap<>()).put(team.id(), team);
    }

    @Override
    public Optional<Team> find(TenantId tenant, TeamId id) {
        return Optional.ofNullable(byTenant.getOrDefault(tenant, Map.of()).get(id));
    }
}
