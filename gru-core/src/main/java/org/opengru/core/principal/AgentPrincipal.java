package org.opengru.core.principal;

import java.util.Set;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/** An agent of the collectivité, member of some teams (services instructeurs). */
public record AgentPrincipal(TenantId tenant, AgentId agent, Set<TeamId> teams) implements Principal {

    public AgentPrincipal {
        Checks.required("principal.tenant", tenant);
        Checks.required("principal.agent", agent);
        teams = Set.copyOf(Checks.required("principal.teams", teams));
    }

    /** Whether the agent belongs to that team. */
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
