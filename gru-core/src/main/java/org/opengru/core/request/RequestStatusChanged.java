package org.opengru.core.request;

import java.time.Instant;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * The status of a request changed.
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param requestId the request
 * @param version the request's version after the change
 * @param from the status before
 * @param to the status after
 * @param action the action
 * @param actor who acted (pseudonymous)
 * @param implicit whether it is an implicit decision (SVA/SVR)
 */
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
