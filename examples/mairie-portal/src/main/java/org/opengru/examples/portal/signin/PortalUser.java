package org.opengru.examples.portal.signin;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.examples.portal.commune.Commune;

/**
 * Who is signed in, as kept in the HTTP session: a resident (through FranceConnect) or an agent.
 *
 * @param idTokenHint the FranceConnect ID token, for the provider's logout; null for agents
 */
public record PortalUser(
        boolean agent,
        String id,
        Set<String> teams,
        String displayName,
        @Nullable String idTokenHint) implements Serializable {

    public static final String SESSION_KEY = "portal.user";

    public static PortalUser resident(UsagerId usager, String displayName, @Nullable String idTokenHint) {
        return new PortalUser(false, usager.toString(), Set.of(), displayName, idTokenHint);
    }

    public static PortalUser agent(AgentId agent, Set<TeamId> teams, String displayName) {
        return new PortalUser(
                true, agent.value(), teams.stream().map(TeamId::value).collect(Collectors.toSet()), displayName, null);
    }

    public UsagerId usagerId() {
        if (agent) {
            throw new IllegalStateException("an agent is signed in, not a resident");
        }
        return UsagerId.of(UUID.fromString(id));
    }

    public UsagerPrincipal usager() {
        return Principal.usager(Commune.TENANT, usagerId());
    }

    public AgentPrincipal agentPrincipal() {
        if (!agent) {
            throw new IllegalStateException("a resident is signed in, not an agent");
        }
        return Principal.agent(
                Commune.TENANT, AgentId.of(id), teams.stream().map(TeamId::of).collect(Collectors.toSet()));
    }

    public Principal principal() {
        return agent ? agentPrincipal() : usager();
    }
}
