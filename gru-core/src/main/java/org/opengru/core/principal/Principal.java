package org.opengru.core.principal;

import java.util.Set;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * Who acts: taken by every read and every command. An {@link UsagerPrincipal} (a resident, who may act
 * for others through a household or a mandate: resolved by the access policy at each call), an {@link
 * AgentPrincipal} of the collectivité with their teams, or the {@link SystemPrincipal} (deadline sweeper,
 * imports). A principal belongs to exactly one collectivité.
 */
public sealed interface Principal permits UsagerPrincipal, AgentPrincipal, SystemPrincipal {

    /**
     * The collectivité the principal acts in.
     *
     * @return the collectivité
     */
    TenantId tenant();

    /**
     * A pseudonymous reference for history and audit: kind and id, no personal data.
     *
     * @return the reference, such as {@code agent:mdupont}
     */
    ActorRef ref();

    /**
     * A signed-in resident.
     *
     * @param tenant the collectivité
     * @param usager the resident's id
     * @return the principal
     */
    static UsagerPrincipal usager(TenantId tenant, UsagerId usager) {
        return new UsagerPrincipal(tenant, usager);
    }

    /**
     * An agent with their teams, as the collectivité's directory knows them.
     *
     * @param tenant the collectivité
     * @param agent the agent's directory id
     * @param teams the teams the agent belongs to
     * @return the principal
     */
    static AgentPrincipal agent(TenantId tenant, AgentId agent, Set<TeamId> teams) {
        return new AgentPrincipal(tenant, agent, teams);
    }

    /**
     * OpenGRU acting on its own (a sweeper, an import).
     *
     * @param tenant the collectivité acted in
     * @param component a lower-case slug naming the component, such as {@code deadline-sweeper}
     * @return the principal
     */
    static SystemPrincipal system(TenantId tenant, String component) {
        return new SystemPrincipal(tenant, component);
    }
}
