package org.opengru.documents.vault;

import java.time.Instant;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/** What happened in a vault; published after the store committed. No file content, no file name. */
public sealed interface DocumentEvent extends DomainEvent {
    DocumentId document();

    ActorRef actor();

    record Uploaded(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    record Verified(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    record Rejected(
            EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, int version, ActorRef actor)
            implements DocumentEvent {}

    record Erased(EventId eventId, TenantId tenant, Instant occurredAt, DocumentId document, ActorRef actor)
            implements DocumentEvent {}

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
