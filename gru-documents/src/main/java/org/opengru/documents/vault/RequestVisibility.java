package org.opengru.documents.vault;

import org.opengru.core.id.RequestId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.request.RequestAccessPolicy;
import org.opengru.core.request.RequestStore;

/**
 * Whether an agent may see a request (and so the documents attached to it). gru-core's request access
 * policy answers it in a full setup; agents see vault documents only through requests.
 */
@FunctionalInterface
public interface RequestVisibility {
    boolean agentMaySee(AgentPrincipal agent, RequestId request);

    /**
     * gru-core's answer: the request exists in the agent's own collectivité and the request access policy
     * lets the agent read it (a member of the team it is routed to). Nothing crosses tenants.
     */
    static RequestVisibility of(RequestStore requests, RequestAccessPolicy policy) {
        return (agent, request) -> requests.find(agent.tenant(), request)
                .map(r -> policy.canRead(agent, r))
                .orElse(false);
    }

    /** No agent sees anything: the safe default. */
    static RequestVisibility none() {
        return (agent, request) -> false;
    }
}
