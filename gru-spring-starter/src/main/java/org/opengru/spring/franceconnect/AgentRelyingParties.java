package org.opengru.spring.franceconnect;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengru.franceconnect.rp.RelyingParty;

/**
 * The relying parties agents sign in through (ProConnect), one per tenant that enables it, with the
 * agents' teams. The same relying party code as FranceConnect, another provider.
 */
public final class AgentRelyingParties {

    /** One tenant's agent sign-in. */
    public record AgentLogin(
            RelyingParty relyingParty, String agentClaim, Map<String, Set<String>> teams, Set<String> defaultTeams) {
        public AgentLogin {
            teams = Map.copyOf(teams);
            defaultTeams = Set.copyOf(defaultTeams);
        }

        /** The teams of an agent, empty when the agent is unknown and there are no default teams. */
        public Set<String> teamsOf(String agentId) {
            return teams.getOrDefault(agentId, defaultTeams);
        }
    }

    private final Map<String, AgentLogin> byTenant;

    public AgentRelyingParties(Map<String, AgentLogin> byTenant) {
        this.byTenant = Map.copyOf(byTenant);
    }

    public Optional<AgentLogin> forTenant(String tenant) {
        return Optional.ofNullable(byTenant.get(tenant));
    }

    public Set<String> tenants() {
        return byTenant.keySet();
    }
}
