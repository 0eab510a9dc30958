package org.opengru.core.exchange;

import java.time.Instant;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * A message was posted on a request's thread. Carries no body. A listener that notifies the applicant must
 * skip {@link Visibility#INTERNAL_NOTE}.
 */
public record MessagePosted(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        MessageId messageId,
        Visibility visibility,
        ActorRef author)
        implements DomainEvent {}
