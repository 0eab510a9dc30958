package org.opengru.core.request;

import java.time.Instant;
import java.time.LocalDate;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/**
 * The implicit-decision deadline passed and the system recorded the implicit decision.
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param requestId the request
 * @param version the request's version after the change
 * @param outcome the implicit decision: accepted (SVA) or rejected (SVR)
 * @param decisionDate the date of the implicit decision
 */
public record DeadlineReached(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        long version,
        RequestStatus outcome,
        LocalDate decisionDate)
        implements RequestEvent {}
