package org.opengru.documents.vault;

import org.opengru.core.id.RequestId;
import org.opengru.core.principal.AgentPrincipal;

/**
 * Whether an agent may see a request (and so the documents attached to it). gru-core's request access
 * policy answers it in a full setup; agents see vault documents only through requests.
 */
@FunctionalInterface
public interface RequestVisibility {
    boolean agentMaySee(AgentPrincipal agent, RequestId request);

    /** No agent sees anything: the safe default. */
    static RequestVisibility none() {
        return (agent, request) -> false;
    }
}
