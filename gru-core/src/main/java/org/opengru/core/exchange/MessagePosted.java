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
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it was posted
 * @param requestId the request
 * @param messageId the message
 * @param visibility shared or internal note
 * @param author who posted it (pseudonymous)
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
