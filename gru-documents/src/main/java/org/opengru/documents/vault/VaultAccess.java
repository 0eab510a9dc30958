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

    /**
     * The vault's access policy.
     *
     * @param representations who acts for whom
     * @param requests which requests an actor may see
     * @param store the documents' metadata (which request a version is attached to)
     */
    public VaultAccess(Representations representations, RequestVisibility requests, DocumentStore store) {
        this.representations = Objects.requireNonNull(representations, "representations");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Whether the usager is known in that collectivité (an agent uploads at the counter for them only).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return {@code true} when known
     */
    public boolean known(org.opengru.core.tenancy.TenantId tenant, UsagerId usager) {
        return representations.known(tenant, usager);
    }

    /**
     * Whether {@code actor} may manage (upload, list, download, erase, consent) the vault of {@code owner}.
     *
     * @param actor the principal
     * @param owner the vault's owner
     * @param at the instant (a mandate may have ended)
     * @return {@code true} for the owner or a representative
     */
    public boolean mayManage(Principal actor, UsagerId owner, Instant at) {
        return actor instanceof UsagerPrincipal u && representations.mayActFor(u.tenant(), u.usager(), owner, at);
    }

    /**
     * {@link #mayManage}, or an {@link AccessDeniedException} naming the operation.
     *
     * @param actor the principal
     * @param owner the vault's owner
     * @param at the instant
     * @param operation the operation, for the message
     * @throws AccessDeniedException when the actor may not
     */
    public void checkManage(Principal actor, UsagerId owner, Instant at, String operation) {
        if (!mayManage(actor, owner, at)) {
            throw new AccessDeniedException(actor.toString(), operation, "vault", owner.toString());
        }
    }

    /**
     * Whether the principal may see the request (and so, for an agent, what is attached to it): it exists
     * in their collectivité and gru-core's policy lets them read it.
     *
     * @param actor the principal
     * @param request the request
     * @return {@code true} when they may
     */
    public boolean maySee(Principal actor, org.opengru.core.id.RequestId request) {
        return requests.maySee(actor, request);
    }

    /**
     * {@link #maySee}, or an {@link AccessDeniedException} naming the operation.
     *
     * @param actor the principal
     * @param request the request
     * @param operation the operation, for the message
     * @throws AccessDeniedException when the actor may not
     */
    public void checkSee(Principal actor, org.opengru.core.id.RequestId request, String operation) {
        if (!maySee(actor, request)) {
            throw new AccessDeniedException(actor.toString(), operation, "request", request.toString());
        }
    }

    /**
     * Whether {@code actor} may read that version of that document.
     *
     * @param actor the principal
     * @param document the document
     * @param version the version's number
     * @param at the instant
     * @return {@code true} for a manager of the vault, or an agent who may see a request it is attached to
     */
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
