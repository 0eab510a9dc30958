package org.opengru.spring.security;

import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.rp.FranceConnectLogin;
import org.opengru.spring.franceconnect.AgentRelyingParties;

/**
 * Turns an agent's sign-in into a gru-core agent with teams. The default takes the agent id from the
 * {@code agent-claim} userinfo claim and the teams from {@code proconnect.teams}; an agent without any
 * team is refused. Define a bean to read the teams from a directory instead.
 */
@FunctionalInterface
public interface AgentResolver {

    /** @throws org.springframework.security.core.AuthenticationException when the agent is not allowed in */
    AgentPrincipal resolve(TenantId tenant, FranceConnectLogin login, AgentRelyingParties.AgentLogin settings);
}
