package org.opengru.core.tenancy;

import java.util.Optional;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.internal.InMemoryTeamDirectory;

/** Port: the teams of each collectivité. */
public interface TeamDirectory {

    /**
     * Creates or replaces the team.
     *
     * @param team the team, keyed by collectivité and id
     */
    void save(Team team);

    /**
     * Looks up a team of a collectivité.
     *
     * @param tenant the collectivité
     * @param id the team's id
     * @return the team, or empty when the collectivité has none with that id
     */
    Optional<Team> find(TenantId tenant, TeamId id);

    /**
     * A thread-safe directory in memory (the embedded default, and tests).
     *
     * @return an empty directory
     */
    static TeamDirectory inMemory() {
        return new InMemoryTeamDirectory();
    }
}
