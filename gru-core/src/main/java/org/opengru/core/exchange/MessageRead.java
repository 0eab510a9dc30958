package org.opengru.core.exchange;

import java.time.Instant;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * A message was read for the first time by someone other than its author.
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it was read
 * @param requestId the request
 * @param messageId the message
 * @param reader who read it (pseudonymous)
 */
public record MessageRead(
        EventId eventId, TenantId tenant, Instant occurredAt, RequestId requestId, MessageId messageId, ActorRef reader)
        implements DomainEvent {}
