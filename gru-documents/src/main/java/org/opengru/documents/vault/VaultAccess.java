package org.opengru.documents.vault;

import java.time.Instant;
import java.util.Objects;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.usager.Representations;
import org.opengru.documents.store.DocumentStore;

/**
 * Who may see what. An usager sees their own vault and the vaults they act for: their household's
 * (if the household lets them act for it), their minor children's, and those they hold a mandate
 * for (organisations included). An agent sees a document only when it is attached to a request the
 * agent may see, and only the attached version. Nobody crosses collectivités.
 */
public final class VaultAccess {
    private final Representations representations;
    private final RequestVisibility requests;
    private final DocumentStore store;

    public VaultAccess(Representations representations, RequestVisibility requests, DocumentStore store) {
        this.representations = Objects.requireNonNull(representations, "representations");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Whether the usager is known in that collectivité (an agent uploads at the counter for them only). */
    public boolean known(org.opengru.core.tenancy.TenantId tenant, UsagerId usager) {
        return representations.known(tenant, usager);
    }

    /** Whether {@code actor} may manage (upload, list, download, erase, consent) the vault of {@code owner}. */
    public boolean mayManage(Principal actor, UsagerId owner, Instant at) {
        return actor instanceof UsagerPrincipal u && representations.mayActFor(u.tenant(), u.usager(), owner, at);
    }

    public void checkManage(Principal actor, UsagerId owner, Instant at, String operation) {
        if (!mayManage(actor, owner, at)) {
            throw new AccessDeniedException(actor.toString(), operation, "vault", owner.toString());
        }
    }

    /**
     * Whether the principal may see the request (and so, for an agent, what is attached to it): it exists
     * in their collectivité and gru-core's policy lets them read it.
     */
    public boolean maySee(Principal actor, org.opengru.core.id.RequestId request) {
        return requests.maySee(actor, request);
    }

    /** {@link #maySee}, or an {@link AccessDeniedException} naming the operation. */
    public void checkSee(Principal actor, org.opengru.core.id.RequestId request, String operation) {
        if (!maySee(actor, request)) {
            throw new AccessDeniedException(actor.toString(), operation, "request", request.toString());
        }
    }

    /** Whether {@code actor} may read that version of that document. */
    public boolean mayRead(Principal actor, Document document, int version, Instant at) {
        if (!actor.tenant().equals(document.tenant())) {
            return false;
        }
        if (actor instanceof UsagerPrincipal u) {
            return mayManage(u, document.owner(), at);
        }
        if (actor instanceof AgentPrincipal a) {
            return store.attachmentsOf(document.tenant(), document.id()).stream()
                    .anyMatch(att -> att.version() == version && requests.maySee(a, att.request()));
        }
        return false; // system principals never read files
    }
}
