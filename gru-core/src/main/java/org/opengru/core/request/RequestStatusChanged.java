package org.opengru.core.request;

import java.time.Instant;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/** The status of a request changed. */
public record RequestStatusChanged(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        long version,
        RequestStatus from,
        RequestStatus to,
        RequestAction action,
        ActorRef actor,
        boolean implicit)
        implements RequestEvent {}
