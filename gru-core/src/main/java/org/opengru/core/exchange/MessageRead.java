package org.opengru.core.exchange;

import java.time.Instant;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/** A message was read for the first time by someone other than its author. */
public record MessageRead(
        EventId eventId, TenantId tenant, Instant occurredAt, RequestId requestId, MessageId messageId, ActorRef reader)
        implements DomainEvent {}
