package org.opengru.core.tenancy;

import java.util.Optional;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.internal.InMemoryTeamDirectory;

/** Port: the teams of each collectivité. */
public interface TeamDirectory {

    /** Creates or replaces the team. */
    void save(Team team);

    Optional<Team> find(TenantId tenant, TeamId id);

    static TeamDirectory inMemory() {
        return new InMemoryTeamDirectory();
    }
}
