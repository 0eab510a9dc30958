package org.opengru.documents.vault;

import org.opengru.core.id.RequestId;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.RequestAccessPolicy;
import org.opengru.core.request.RequestStore;

/**
 * Port onto gru-core's requests: whether a principal may see a request, which implies that the request
 * exists in the principal's collectivité. An agent sees vault documents only through the requests they
 * may see; an usager attaches documents, consents and data proofs only to a request they may see (one of
 * the usagers they act for). gru-core's request access policy answers it in a full setup.
 */
@FunctionalInterface
public interface RequestVisibility {

    /**
     * Whether the request exists in {@code actor}'s collectivité and {@code actor} may see it.
     *
     * @param actor the principal
     * @param request the request
     * @return {@code true} when they may see it
     */
    boolean maySee(Principal actor, RequestId request);

    /**
     * gru-core's answer: the request exists in the principal's own collectivité and the request access
     * policy lets them read it (an usager acting for its applicant, a member of the team it is routed to).
     * Nothing crosses tenants.
     *
     * @param requests gru-core's requests
     * @param policy gru-core's request access policy
     * @return the visibility
     */
    static RequestVisibility of(RequestStore requests, RequestAccessPolicy policy) {
        return (actor, request) -> requests.find(actor.tenant(), request)
                .map(r -> policy.canRead(actor, r))
                .orElse(false);
    }

    /**
     * Nobody sees any request (no agent reads a vault document, nothing is attached): the safe default.
     *
     * @return the visibility
     */
    static RequestVisibility none() {
        return (actor, request) -> false;
    }
}
