package org.opengru.documents.vault;

import java.time.Instant;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/** What happened in a vault; published after the store committed. No file content, no file name. */
public sealed interface DocumentEvent extends DomainEvent {
    /**
     * The document concerned.
     *
     * @return its id
     */
    DocumentId document();

    /**
     * Who did it.
     *
     * @return a pseudonymous reference of the usager, agent or system
     */
    ActorRef actor();

    /** A version was uploaded (a new document, or a new version of one). */
    record Uploaded(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    /** An agent checked a version against the original. */
    record Verified(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    /** An agent refused a version. */
    record Rejected(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    /** The document was erased (crypto-shredded). */
    record Erased(EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, ActorRef actor)
            implements DocumentEvent {}

    /** A version was attached to a request, by reference. */
    record Attached(
            EventId eventId,
            TenantId tenant,
            Instant occurredAt,
            DocumentId document,
            int version,
            org.opengru.core.id.RequestId request,
            ActorRef actor)
            implements DocumentEvent {}
}
