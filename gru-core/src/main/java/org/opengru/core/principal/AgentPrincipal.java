package org.opengru.core.principal;

import java.util.Set;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * An agent of the collectivité, member of some teams (services instructeurs).
 *
 * @param tenant the collectivité the agent works for
 * @param agent the agent's directory id
 * @param teams the teams (services instructeurs) the agent belongs to, possibly none
 */
public record AgentPrincipal(TenantId tenant, AgentId agent, Set<TeamId> teams) implements Principal {

    /**
     * Checks that every part is present, and copies the teams.
     *
     * @param tenant the collectivité the agent works for
     * @param agent the agent's directory id
     * @param teams the teams (services instructeurs) the agent belongs to, possibly none
     * @throws org.opengru.core.error.ValidationException naming the missing part
     */
    public AgentPrincipal {
        Checks.required("principal.tenant", tenant);
        Checks.required("principal.agent", agent);
        teams = Set.copyOf(Checks.required("principal.teams", teams));
    }

    /**
     * Whether the agent belongs to that team.
     *
     * @param team a team of the collectivité
     * @return {@code true} when the agent is a member, which lets them instruct the team's requests
     */
    public boolean memberOf(TeamId team) {
        return teams.contains(team);
    }

    @Override
    public ActorRef ref() {
        return new ActorRef(ActorKind.AGENT, agent.value());
    }

    @Override
    public String toString() {
        return "agent:" + agent + "@" + tenant;
    }
}
