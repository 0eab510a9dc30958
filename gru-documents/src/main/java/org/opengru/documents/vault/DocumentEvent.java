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

    /**
     * A version was uploaded (a new document, or a new version of one).
     *
     * @param eventId the event's id
     * @param tenant the collectivité
     * @param occurredAt when it happened
     * @param document the document
     * @param version the request's version after the change
     * @param actor who did it (pseudonymous)
     */
    record Uploaded(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    /**
     * An agent checked a version against the original.
     *
     * @param eventId the event's id
     * @param tenant the collectivité
     * @param occurredAt when it happened
     * @param document the document
     * @param version the request's version after the change
     * @param actor who did it (pseudonymous)
     */
    record Verified(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    /**
     * An agent refused a version.
     *
     * @param eventId the event's id
     * @param tenant the collectivité
     * @param occurredAt when it happened
     * @param document the document
     * @param version the request's version after the change
     * @param actor who did it (pseudonymous)
     */
    record Rejected(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    /**
     * The document was erased (crypto-shredded).
     *
     * @param eventId the event's id
     * @param tenant the collectivité
     * @param occurredAt when it happened
     * @param document the document
     * @param actor who did it (pseudonymous)
     */
    record Erased(EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, ActorRef actor)
            implements DocumentEvent {}

    /**
     * A version was attached to a request, by reference.
     *
     * @param eventId the event's id
     * @param tenant the collectivité
     * @param occurredAt when it happened
     * @param document the document
     * @param version the request's version after the change
     * @param request the request it was attached to
     * @param actor who did it (pseudonymous)
     */
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
