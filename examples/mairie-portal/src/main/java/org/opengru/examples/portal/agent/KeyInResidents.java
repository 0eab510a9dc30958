package org.opengru.examples.portal.agent;

import java.util.List;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.AgentPrincipal;

/**
 * The residents an agent may key a request in for (the list of the form "Saisir une demande"). The portal's
 * own is {@link TeamsResidents}; a commune with a directory of its residents (its civil registry, its family
 * portal) gives a bean of its own, marked {@code @Primary}.
 */
@FunctionalInterface
public interface KeyInResidents {

    /** The residents the form lists for this agent, in the order shown. */
    List<UsagerId> forAgent(AgentPrincipal agent);
}
